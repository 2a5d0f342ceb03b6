# Insert a QuickTime/Android-style moov/udta/©xyz box ("+35.69+105.08/") and fix
# moov/udta sizes; if moov precedes mdat, shift stco chunk offsets by the growth.
import struct, sys
sys.path.insert(0, __file__.rsplit('/', 1)[0])
from boxes import walk
path = sys.argv[1]
b = bytearray(open(path, 'rb').read())
boxes = []
import io, contextlib
with contextlib.redirect_stdout(io.StringIO()): walk(b, 0, len(b), 0, boxes)
get = lambda t, d=None: [x for x in boxes if x[1] == t and (d is None or x[0] == d)]
(_, _, moov, moovsz), = get(b'moov', 0)
(_, _, udta, udtasz), = get(b'udta', 1)
(_, _, mdat, _), = get(b'mdat', 0)
s = b'+35.69+105.08/'
xyz = struct.pack('>I4sHH', 8 + 4 + len(s), b'\xa9xyz', len(s), 0x15c7) + s
ins = udta + udtasz
b[ins:ins] = xyz
d = len(xyz)
struct.pack_into('>I', b, moov, moovsz + d)
struct.pack_into('>I', b, udta, udtasz + d)
if moov < mdat:
    for (_, t, p, sz) in get(b'stco'):
        n = struct.unpack('>I', b[p+12:p+16])[0]
        for i in range(n):
            o = p + 16 + 4 * i
            struct.pack_into('>I', b, o, struct.unpack('>I', b[o:o+4])[0] + d)
    assert not get(b'co64')
open(path, 'wb').write(b)
print(path, 'inserted', d, 'bytes at', ins)
