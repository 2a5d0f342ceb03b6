# Encode 1.5 s of a 440 Hz sine (8 kHz mono) to AMR-NB 12.2 kbit/s (mode 7, MR122)
# with libopencore-amrnb (Debian package libopencore-amrnb0) via ctypes, write the
# "#!AMR\n" storage format, then append a plain-text trailer.
import ctypes, math, sys
lib = ctypes.CDLL('libopencore-amrnb.so.0')
lib.Encoder_Interface_init.restype = ctypes.c_void_p
lib.Encoder_Interface_init.argtypes = [ctypes.c_int]
lib.Encoder_Interface_Encode.restype = ctypes.c_int
lib.Encoder_Interface_Encode.argtypes = [ctypes.c_void_p, ctypes.c_int,
    ctypes.POINTER(ctypes.c_short), ctypes.POINTER(ctypes.c_ubyte), ctypes.c_int]
lib.Encoder_Interface_exit.argtypes = [ctypes.c_void_p]
st = lib.Encoder_Interface_init(0)
MR122, FRAMES = 7, 75
out = bytearray(b'#!AMR\n')
for f in range(FRAMES):
    pcm = (ctypes.c_short * 160)(*[int(8000 * math.sin(2 * math.pi * 440 * (f * 160 + i) / 8000)) for i in range(160)])
    buf = (ctypes.c_ubyte * 64)()
    n = lib.Encoder_Interface_Encode(st, MR122, pcm, buf, 0)
    assert n == 32 and buf[0] == 0x3C, (n, buf[0])
    out += bytes(buf[:n])
lib.Encoder_Interface_exit(st)
audio_end = len(out)
out += b'wangxiaoming 13912345678'
open(sys.argv[1], 'wb').write(out)
print('frames', FRAMES, 'audio_end', audio_end, 'size', len(out))
