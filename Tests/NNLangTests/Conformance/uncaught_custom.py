class BadThing(Exception):
    pass
print("before")
raise BadThing("it broke")
