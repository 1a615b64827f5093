def t(name, v):
    print("eval", name)
    return v
print(t("a", 0) and t("b", 1))
print(t("a", 1) and t("b", 2))
print(t("a", 0) or t("b", 0) or t("c", "last"))
print(not t("x", ""), True and not False, (False or True) and True)
print(1 if [] else 2, "yes" if "0" else "no", [] or None, 0 or "" or [])
print(True == 1, False == 0, True is True, True + True, (1 == 1) + 1)
print(all([True, 1, "a"]), any([0, "", None]), bool(None), bool(0.0), bool("False"))
