print("start")
try:
    undefined_name
except NameError as e:
    print(e)
def f():
    return missing_global
try:
    f()
except NameError as e:
    print(e)
print(also_missing)
