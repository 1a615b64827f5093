import re
_camel_re1 = re.compile('(.)([A-Z][a-z]+)')
_camel_re2 = re.compile('([a-z0-9])([A-Z])')
def camel2snake(name):
    s1 = re.sub(_camel_re1, r'\1_\2', name)
    return re.sub(_camel_re2, r'\1_\2', s1).lower()
print(camel2snake('DeviceDataLoader'), camel2snake('AvgStatsCallback'), re.sub(r'Callback$', '', 'TrainEvalCallback'))
print(_camel_re1, _camel_re1.pattern, _camel_re1.groups, re.compile(r'a+', re.I))
m = re.match(r'(\w+) (?P<last>\w+)', 'Isaac Newton, physicist')
print(m, m.group(0), m.group(1), m.group('last'), m.group(1, 2), m.groups(), m[2])
print(m.span(), m.span(2), m.start(), m.end(1), m.start('last'), m.groupdict(), m.string, m.re.pattern, m.lastindex)
print(re.match('b', 'abc'), re.search('b', 'abc'), re.fullmatch(r'a|ab', 'ab'), re.fullmatch('a', 'ab'))
print(re.search(r'(\d+)-(\d+)?', 'tel 555- x').groups(), re.search(r'(\d+)-(\d+)?', 'tel 555- x').groups('none'))
print(re.findall(r'\d+', 'a1b22c333'), re.findall(r'(\w)(\d)', 'a1 b2 c3'), re.findall(r'(\w)\d', 'a1 b2'), re.findall('x', 'abc'))
print(re.split(r'\s+', 'a b   c'), re.split(r'(,)', 'a,b,c'), re.split(',', 'a,b,c', maxsplit=1), re.split(r'\W+', 'Words, words.'))
print(re.sub('x*', '-', 'abxd'), re.subn(r'\d', '#', 'a1b2'), re.sub(r'\d', lambda m: str(int(m.group()) * 2), 'a1b7'))
print(re.sub(r'(?P<w>\w+)@(\w+)', r'\2 at \g<w> \g<1>', 'me@host'), re.sub('a', r'\n', 'bab'), re.sub('a', 'x', 'aaa', count=2))
print([m.span() for m in re.finditer(r'an', 'banana')], [m.group() for m in re.finditer(r'\w+', 'hi you')])
print(re.escape('a.b*c?'), re.escape('x y'), bool(re.match('a', 'b')), re.match('^$', '') is not None)
print(re.compile('ab', re.IGNORECASE).match('ABc'), re.search('^b', 'a\nb', re.M).span(), re.match('a.b', 'a\nb', re.S).group())
print(re.findall(r'[\]a]+', 'a]a-b'), re.search(r'\bfoo\b', 'a foo b').start(), re.search(r'(?<=a)b', 'ab').group())
pat = re.compile(r'(?P<key>\w+)=(?P<val>\d+)')
print([m.groupdict() for m in pat.finditer('a=1 b=22')], pat.sub(r'\g<val>=\g<key>', 'x=5'), pat.groupindex)
print(pat.search('zz k=9').group('val'), pat.match('zz k=9'), pat.fullmatch('k=9').span(), pat.split('a=1;b=2'))
print(re.sub(r'\s+', ' ', '  many   spaces here ').strip(), re.findall(r'é+', 'éé à é'), re.search('à', 'xxà').span())
try:
    re.compile('(')
except re.error:
    print('re.error')
try:
    re.sub('a', r'\q', 'a')
except re.error:
    print('re.error for bad escape')
