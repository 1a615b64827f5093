/// The TeX control words the MathML converter knows, grouped by how they are written.
enum MathSymbols {
    /// Greek letters. Upper case is upright (TeX's convention), lower case italic.
    static let greek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
        "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π", "varpi": "ϖ",
        "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ",
        "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
        "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]

    /// Symbols that are identifiers, written upright.
    static let identifiers: [String: String] = [
        "infty": "∞", "partial": "∂", "nabla": "∇", "ell": "ℓ", "hbar": "ℏ", "emptyset": "∅",
        "varnothing": "∅", "aleph": "ℵ", "Re": "ℜ", "Im": "ℑ", "top": "⊤", "bot": "⊥",
        "imath": "ı", "jmath": "ȷ", "wp": "℘", "angle": "∠", "triangle": "△", "prime": "′",
    ]

    /// Operators, relations, arrows and punctuation (`mo`).
    static let operators: [String: String] = [
        // binary operators
        "cdot": "⋅", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "ast": "∗", "star": "⋆",
        "circ": "∘", "bullet": "∙", "otimes": "⊗", "oplus": "⊕", "odot": "⊙", "ominus": "⊖",
        "cup": "∪", "cap": "∩", "setminus": "∖", "wedge": "∧", "land": "∧", "vee": "∨",
        "lor": "∨", "neg": "¬", "lnot": "¬", "dagger": "†", "bmod": "mod",
        // relations
        "neq": "≠", "ne": "≠", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ll": "≪",
        "gg": "≫", "approx": "≈", "sim": "∼", "simeq": "≃", "cong": "≅", "equiv": "≡",
        "propto": "∝", "in": "∈", "notin": "∉", "ni": "∋", "subset": "⊂", "subseteq": "⊆",
        "supset": "⊃", "supseteq": "⊇", "mid": "∣", "parallel": "∥", "perp": "⊥",
        "triangleq": "≜", "coloneqq": "≔", "doteq": "≐", "prec": "≺", "succ": "≻",
        "leqslant": "⩽", "geqslant": "⩾",
        // arrows
        "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←", "leftrightarrow": "↔",
        "Rightarrow": "⇒", "Leftarrow": "⇐", "Leftrightarrow": "⇔", "implies": "⟹",
        "impliedby": "⟸", "iff": "⟺", "mapsto": "↦", "longrightarrow": "⟶",
        "longleftarrow": "⟵", "longmapsto": "⟼", "uparrow": "↑", "downarrow": "↓",
        "Uparrow": "⇑", "Downarrow": "⇓", "hookrightarrow": "↪", "rightharpoonup": "⇀",
        "leadsto": "⇝", "nearrow": "↗", "searrow": "↘",
        // quantifiers and dots
        "forall": "∀", "exists": "∃", "nexists": "∄", "therefore": "∴", "because": "∵",
        "ldots": "…", "dots": "…", "cdots": "⋯", "vdots": "⋮", "ddots": "⋱",
        // delimiters
        "{": "{", "}": "}", "|": "‖", "langle": "⟨", "rangle": "⟩", "lfloor": "⌊",
        "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "vert": "|", "Vert": "‖", "lvert": "|",
        "rvert": "|", "lVert": "‖", "rVert": "‖", "backslash": "∖",
        // escaped characters
        "%": "%", "&": "&", "#": "#", "$": "$", "_": "_", "colon": ":",
    ]

    /// Large operators; `limits` ones put their scripts under/over in display math.
    static let largeOperators: [String: (symbol: String, limits: Bool)] = [
        "sum": ("∑", true), "prod": ("∏", true), "coprod": ("∐", true),
        "bigcup": ("⋃", true), "bigcap": ("⋂", true), "bigoplus": ("⨁", true),
        "bigotimes": ("⨂", true), "bigvee": ("⋁", true), "bigwedge": ("⋀", true),
        "int": ("∫", false), "iint": ("∬", false), "iiint": ("∭", false), "oint": ("∮", false),
    ]

    /// Function names written upright (`\log x`); `limits` ones take under-scripts in display.
    static let functions: [String: Bool] = [
        "log": false, "ln": false, "lg": false, "exp": false, "sin": false, "cos": false,
        "tan": false, "cot": false, "sec": false, "csc": false, "sinh": false, "cosh": false,
        "tanh": false, "coth": false, "arcsin": false, "arccos": false, "arctan": false,
        "arg": false, "deg": false, "dim": false, "ker": false, "hom": false, "Pr": true,
        "det": true, "gcd": true, "max": true, "min": true, "sup": true, "inf": true,
        "lim": true, "liminf": true, "limsup": true, "argmax": true, "argmin": true,
    ]

    /// Spacing commands and their widths.
    static let spaces: [String: String] = [
        ",": "0.1667em", "thinspace": "0.1667em", ":": "0.2222em", ">": "0.2222em",
        "medspace": "0.2222em", ";": "0.2778em", "thickspace": "0.2778em", "!": "-0.1667em",
        "negthinspace": "-0.1667em", " ": "0.25em", "quad": "1em", "qquad": "2em",
        "enspace": "0.5em",
    ]

    /// Accents over (`mover accent`) their argument.
    static let accents: [String: (mark: String, stretchy: Bool)] = [
        "hat": ("^", false), "widehat": ("^", true), "bar": ("¯", false),
        "overline": ("¯", true), "vec": ("→", false), "overrightarrow": ("→", true),
        "overleftarrow": ("←", true), "tilde": ("~", false), "widetilde": ("~", true),
        "dot": ("˙", false), "ddot": ("¨", false), "check": ("ˇ", false),
        "breve": ("˘", false), "acute": ("´", false), "grave": ("`", false),
        "overbrace": ("⏞", true),
    ]

    /// Marks under their argument (`munder`).
    static let underAccents: [String: String] = ["underline": "_", "underbrace": "⏟"]

    /// Commands that only change TeX's style and that we can ignore without losing meaning.
    static let ignored: Set<String> = [
        "displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle", "limits", "nolimits",
        "nonumber", "notag", "left.", "relax", "allowbreak",
    ]

    /// `\big(` and friends: fixed delimiter sizes.
    static let bigSizes: [String: String] = [
        "big": "1.2em", "bigl": "1.2em", "bigr": "1.2em", "bigm": "1.2em",
        "Big": "1.8em", "Bigl": "1.8em", "Bigr": "1.8em", "Bigm": "1.8em",
        "bigg": "2.4em", "biggl": "2.4em", "biggr": "2.4em", "biggm": "2.4em",
        "Bigg": "3em", "Biggl": "3em", "Biggr": "3em", "Biggm": "3em",
    ]

    /// Characters TeX treats as fences: plain ones do not stretch (as in TeX).
    static let openFences: Set<String> = ["(", "[", "{", "⟨", "⌊", "⌈", "|", "‖"]
    static let fences: Set<String> = ["(", ")", "[", "]", "{", "}", "⟨", "⟩", "⌊", "⌋", "⌈", "⌉", "|", "‖"]

    /// Matrix-like environments: the fences around them and how cells align.
    static let environments: [String: (open: String?, close: String?, kind: MathNode.TableKind)] = [
        "matrix": (nil, nil, .matrix), "pmatrix": ("(", ")", .matrix),
        "bmatrix": ("[", "]", .matrix), "Bmatrix": ("{", "}", .matrix),
        "vmatrix": ("|", "|", .matrix), "Vmatrix": ("‖", "‖", .matrix),
        "smallmatrix": (nil, nil, .matrix), "array": (nil, nil, .matrix),
        "cases": ("{", nil, .cases), "aligned": (nil, nil, .align), "align": (nil, nil, .align),
        "align*": (nil, nil, .align), "split": (nil, nil, .align), "gathered": (nil, nil, .gather),
        "gather": (nil, nil, .gather), "gather*": (nil, nil, .gather), "equation": (nil, nil, .gather),
        "equation*": (nil, nil, .gather),
    ]
}
