# 5,000 bytes: a valid-looking MPEG-1 Layer III frame header (FF FB 90 64) followed by
# an HTML page with a script, i.e. not audio. Padded with HTML comment filler.
import sys
head = bytes([0xFF, 0xFB, 0x90, 0x64])
html = (b'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>not audio</title></head>\n'
        b'<body><h1>This is not an MP3 file</h1>\n'
        b'<script>\nvar stolen = document.cookie;\nfunction beacon(d) { var i = new Image(); i.src = "/collect?d=" + encodeURIComponent(d); }\n'
        b'beacon(stolen);\nfor (var k = 0; k < 10; k++) { console.log("payload line " + k); }\n</script>\n')
tail = b'</body></html>\n'
filler_len = 5000 - len(head) - len(html) - len(tail)
line = b'<!-- filler: this file only pretends to be MPEG audio. -->\n'
filler = (line * (filler_len // len(line) + 1))[:filler_len - 1] + b'\n'
data = head + html + filler + tail
assert len(data) == 5000
open(sys.argv[1], 'wb').write(data)
