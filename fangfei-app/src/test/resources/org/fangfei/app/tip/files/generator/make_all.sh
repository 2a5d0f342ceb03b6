#!/bin/sh
# Regenerates every fixture in this directory's parent into OUT (default: ..).
# Needs Debian packages: ffmpeg libimage-exiftool-perl libopencore-amrnb0, and python3.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE/..}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# 1. gps.jpg: 320x240 noisy gradient, then EXIF/GPS/XMP written by exiftool
ffmpeg -hide_banner -loglevel error -y -f lavfi \
  -i "gradients=s=320x240:c0=0x3060c0:c1=0xf0c040:x0=0:y0=0:x1=320:y1=240:seed=1" \
  -vf "noise=alls=12:allf=u:all_seed=7,format=yuvj420p" -frames:v 1 -q:v 5 \
  -fflags +bitexact -flags +bitexact -map_metadata -1 "$T/gps.jpg"
exiftool -q -overwrite_original -charset exif=UTF8 \
  -EXIF:Make=FangfeiTestCam -EXIF:Model=FX-1 -EXIF:Artist=王小明 -EXIF:Copyright=wangxiaoming \
  -EXIF:ImageDescription=13912345678 -EXIF:DateTimeOriginal="2024:05:01 10:20:30" \
  -GPSLatitude=35.69 -GPSLatitudeRef=N -GPSLongitude=105.08 -GPSLongitudeRef=E -GPSVersionID=2.3.0.0 \
  -XMP-dc:Creator=王小明 -XMP-dc:Description=13912345678 -XMP-photoshop:AuthorsPosition=13912345678 \
  "$T/gps.jpg"

# 2. report.docx: hand-built package, embeds gps.jpg as word/media/image1.jpeg
python3 "$HERE/make_docx.py" "$T/gps.jpg" "$T/report.docx"

# 3. tagged.mp3 / lyrics.mp3: bare MPEG-1 Layer III stream (no Xing/ID3), tags added in python
ffmpeg -hide_banner -loglevel error -y -f lavfi -i "sine=frequency=440:sample_rate=44100:duration=1.5" \
  -ac 1 -c:a libmp3lame -b:a 48k -write_xing 0 -id3v2_version 0 -write_id3v1 0 \
  -fflags +bitexact -flags +bitexact -map_metadata -1 -f mp3 "$T/raw.mp3"
python3 "$HERE/mp3tags.py" "$T/raw.mp3" "$T/tagged.mp3" "$T/lyrics.mp3"

# 4. tagged.m4a (moov before mdat) / tagged-mdat-first.m4a (mdat before moov)
for mode in faststart plain; do
  if [ $mode = faststart ]; then f=tagged.m4a; mf="-movflags +faststart"; else f=tagged-mdat-first.m4a; mf=""; fi
  ffmpeg -hide_banner -loglevel error -y -f lavfi -i "sine=frequency=660:sample_rate=22050:duration=1.5" \
    -ac 1 -c:a aac -b:a 32k $mf \
    -metadata title=王小明 -metadata artist=王小明 -metadata comment=13912345678 \
    -metadata location=+35.69+105.08/ -fflags +bitexact -flags:a +bitexact "$T/$f"
  python3 "$HERE/addxyz.py" "$T/$f"
done

# 5. fake.mp3
python3 "$HERE/fake.py" "$T/fake.mp3"

# 6. trailing.amr
python3 "$HERE/amr.py" "$T/trailing.amr"

for f in gps.jpg report.docx tagged.mp3 lyrics.mp3 tagged.m4a tagged-mdat-first.m4a fake.mp3 trailing.amr; do
  cp "$T/$f" "$OUT/$f"
done
