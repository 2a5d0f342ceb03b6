import struct, sys

def mpeg_frames(b, start=0):
    """Walk contiguous MPEG-1/2 Layer III frames from start; return (first, end, count)."""
    br = {1: [0,32,40,48,56,64,80,96,112,128,160,192,224,256,320],
          2: [0,8,16,24,32,40,48,56,64,80,96,112,128,144,160]}
    sr = {3: [44100,48000,32000], 2: [22050,24000,16000], 0: [11025,12000,8000]}
    pos, n = start, 0
    while pos + 4 <= len(b):
        h = struct.unpack('>I', b[pos:pos+4])[0]
        if (h >> 21) & 0x7ff != 0x7ff: break
        ver = (h >> 19) & 3; layer = (h >> 17) & 3
        bri = (h >> 12) & 15; sri = (h >> 10) & 3; pad = (h >> 9) & 1
        if layer != 1 or bri in (0, 15) or sri == 3 or ver == 1: break
        rate = sr[ver][sri]
        if ver == 3: size = 144 * br[1][bri] * 1000 // rate + pad
        else: size = 72 * br[2][bri] * 1000 // rate + pad
        if pos + size > len(b): break
        pos += size; n += 1
    return start, pos, n

def id3v23(frames, padding=32):
    body = b''
    for fid, data in frames:
        body += fid.encode() + struct.pack('>I', len(data)) + b'\x00\x00' + data
    body += b'\x00' * padding
    n = len(body)
    ss = bytes([(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f])
    return b'ID3\x03\x00\x00' + ss + body

def txt_utf16(s):
    return b'\x01' + b'\xff\xfe' + s.encode('utf-16-le') + b'\x00\x00'

def comm_latin1(s, lang=b'eng'):
    return b'\x00' + lang + b'\x00' + s.encode('latin-1')

def apev2(items):
    body = b''
    for k, v in items:
        vb = v.encode('utf-8')
        body += struct.pack('<II', len(vb), 0) + k.encode('ascii') + b'\x00' + vb
    size = len(body) + 32  # items + footer, header excluded
    def hf(flags):
        return b'APETAGEX' + struct.pack('<IIII', 2000, size, len(items), flags) + b'\x00' * 8
    return hf(0xA0000000) + body + hf(0x80000000)

def id3v1(title, artist, album, year, comment, track, genre):
    def f(s, n): return s.encode('latin-1')[:n].ljust(n, b'\x00')
    return b'TAG' + f(title, 30) + f(artist, 30) + f(album, 30) + f(year, 4) + f(comment, 28) + b'\x00' + bytes([track, genre])

def lyrics3v2(fields):
    body = b'LYRICSBEGIN'
    for fid, val in fields:
        vb = val.encode('latin-1')
        body += fid.encode() + b'%05d' % len(vb) + vb
    return body + b'%06d' % len(body) + b'LYRICS200'

if __name__ == '__main__':
    raw = open(sys.argv[1], 'rb').read()
    s, e, n = mpeg_frames(raw)
    assert e == len(raw), (e, len(raw))
    NAME, PINYIN, PHONE = '王小明', 'wangxiaoming', '13912345678'
    v2 = id3v23([('TIT2', txt_utf16(NAME)), ('TPE1', txt_utf16(NAME)), ('COMM', comm_latin1(PHONE))])
    ape = apev2([('Artist', NAME), ('Comment', PHONE)])
    v1 = id3v1(PINYIN, PINYIN, '', '2024', PHONE, 1, 255)
    assert len(v1) == 128
    out = v2 + raw + ape + v1
    open(sys.argv[2], 'wb').write(out)
    lyr = lyrics3v2([('IND', '10'), ('EAR', PINYIN), ('LYR', 'wangxiaoming\r\n13912345678')])
    out2 = raw + lyr + v1
    open(sys.argv[3], 'wb').write(out2)
    for name, data in ((sys.argv[2], out), (sys.argv[3], out2)):
        first = data.find(raw[:4]) if name == sys.argv[3] else len(v2)
        s, e, n = mpeg_frames(data, first)
        print(name, 'size', len(data), 'first_frame', s, 'audio_end', e, 'frames', n)
    print('id3v2 len', len(v2), 'ape len', len(ape), 'ape at', len(v2)+len(raw), 'lyrics len', len(lyr))
