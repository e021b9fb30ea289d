#!/usr/bin/env python3
"""C1's machine code for one method, as instructions, without an hsdis library (JDK 17 on Debian has none that works).

The JVM prints a compiled method's code as bytes when asked; this joins them and runs objdump over them, with the
JVM's comments (safepoints, calls) and each bytecode's index and source line beside the instructions. Session 20 read
LineSeries.storeTwoAndSum's loop this way (benchmarks/README.md, branch st21):

  java -XX:+UnlockDiagnosticVMOptions -XX:CompileCommand=print,org.msocap.simulation.LineSeries::storeTwoAndSum \
      <the launcher's options> -jar cli/target/msocap.jar simulate benchmarks/ten-class.yaml --runs 200000 \
      --threads 1 --format json > /tmp/print.txt 2>/dev/null
  python3 benchmarks/c1-disassemble.py /tmp/print.txt storeTwoAndSum 0

Arguments: the printed file, a method's name, which of its compiled versions (0: the first printed; an OSR
version is printed separately). Needs objdump (binutils).
"""
import os
import re
import subprocess
import sys
import tempfile

f,name,nth=sys.argv[1],sys.argv[2],int(sys.argv[3])
txt=open(f).read().split('Compiled method')
blocks=[b for b in txt[1:] if name in b.split('\n')[0]]  # txt[0] precedes the first method (and may name it)
b=blocks[nth]
data={}
comments={}
for line in b.split('\n'):
    m=re.match(r'\s+0x([0-9a-f]+): (.*)',line)
    if not m: continue
    addr=int(m.group(1),16); rest=m.group(2)
    if rest.startswith(';'):
        comments.setdefault(addr,[]).append(rest.strip()); continue
    hexs=rest.replace('|','').split()
    if not all(re.fullmatch(r'[0-9a-f]+',h) for h in hexs): continue
    bs=bytes.fromhex(''.join(hexs))
    data[addr]=bs
# also capture bci comments: lines after addresses like "; - org...@NNN (line X)"
start=min(data); out=bytearray()
for a in sorted(data):
    assert a==start+len(out), (hex(a),hex(start+len(out)))
    out+=data[a]
with tempfile.NamedTemporaryFile(suffix='.bin', delete=False) as code:
    code.write(out)
try:
    r=subprocess.run(['objdump','-D','-b','binary','-mi386:x86-64','-Mintel','--adjust-vma=%#x'%start,code.name],capture_output=True,text=True,check=True).stdout
finally:
    os.unlink(code.name)
# annotate bci lines
bcis={}
cur=None
for line in b.split('\n'):
    m=re.match(r'\s+0x([0-9a-f]+): ;',line)
    if m: cur=int(m.group(1),16)
    m2=re.search(r'- (?:\(reexecute\) )?\S+::(\S+@\d+ \(line \d+\))',line)
    if m2 and cur is not None: bcis.setdefault(cur,[]).append(m2.group(1))
for line in r.split('\n'):
    m=re.match(r'\s*([0-9a-f]+):',line)
    if m:
        a=int(m.group(1),16)
        for c in comments.get(a,[]): print('        ',c)
        for c in bcis.get(a,[]): print('        @',c)
    print(line)
