def layered(x):
    try:
        try:
            if x == 1:
                raise ValueError("inner")
            return "no error"
        except TypeError:
            return "wrong handler"
        finally:
            print("inner finally", x)
    except ValueError as e:
        return f"outer caught {e}"
print(layered(0))
print(layered(1))
def fin_override():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"
print(fin_override())
try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
except TypeError as e:
    print("got", e)
errors = []
for v in ["1", "x", None, "3"]:
    try:
        errors.append(int(v))
    except (ValueError, TypeError) as e:
        errors.append(type(e).__name__)
print(errors)
try:
    raise Exception("base", 42)
except Exception as e:
    print(e.args, len(e.args), str(e))
class AppError(Exception):
    def __str__(self):
        return "custom str"
try:
    raise AppError()
except AppError as e:
    print(e, repr(e))
try:
    raise IndexError
except Exception as e:
    print(repr(e), str(e) == "")
e = None
try:
    1 / 0
except ZeroDivisionError as err:
    e = err
print(type(e).__name__, e)
try:
    raise 5
except TypeError as err:
    print(err)
