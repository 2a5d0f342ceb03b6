import struct, sys
CONT = {b'moov', b'trak', b'mdia', b'minf', b'stbl', b'udta', b'ilst', b'edts', b'dinf'}
def walk(b, s, e, d=0, out=None, parent=b''):
    p = s
    while p + 8 <= e:
        size, typ = struct.unpack('>I4s', b[p:p+8]); hdr = 8
        if size == 1: size = struct.unpack('>Q', b[p+8:p+16])[0]; hdr = 16
        elif size == 0: size = e - p
        print('  ' * d + '%s @%d size=%d' % (typ.decode('latin-1'), p, size))
        if out is not None: out.append((d, typ, p, size))
        if typ in CONT: walk(b, p + hdr, p + size, d + 1, out, typ)
        elif typ == b'meta': walk(b, p + hdr + 4, p + size, d + 1, out, typ)
        elif parent == b'ilst':
            walk(b, p + hdr, p + size, d + 1, out, typ)
        p += size
if __name__ == '__main__':
    b = open(sys.argv[1], 'rb').read(); walk(b, 0, len(b))
