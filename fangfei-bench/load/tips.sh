#!/usr/bin/env bash
# Throughput of the public tip portal (举报, /tip): how many tips per second it accepts, each with
# a photo of typical size. Every virtual client does what a reporter's phone does: GET /tip/new
# (session cookie, CSRF token), GET /tip/captcha.png (the challenge, kept in the session), then
# POST /tip as multipart with the answer and a ~300 KB JPEG; a tip counts as accepted when the
# answer page carries its tracking code. Prints accepted tips/s and p50/p95 latency of the POST
# and of the whole round (three requests) per concurrency. It starts nothing: point it at a
# running Fangfei started for benchmarks, e.g.
#
#   java -jar fangfei-app/target/fangfei-app.jar --server.port=8094 \
#     --fangfei.embedded-db.port=54394 --fangfei.data-dir=/tmp/tipperf-data \
#     --fangfei.bootstrap.initial-password='Bench#Pass2026' \
#     --fangfei.tips.captcha.fixed-answer=42 \
#     --fangfei.tips.limits.submit-burst=1000000 --fangfei.tips.limits.submit-per-hour=1000000000
#
# fangfei.tips.captcha.fixed-answer makes every CAPTCHA's answer that value: it is for tests and
# benchmarks only, never for production, and the application logs a warning at start when it is
# set. The fangfei.tips.limits.* properties (docs/tips.md; defaults: burst 5, 10 per hour per
# address) are raised because every virtual client comes from 127.0.0.1. Use a throwaway data
# directory: each accepted tip is stored with its photo and becomes a clue (subject "压测对象 BENCH-…").
#
# Usage: fangfei-bench/load/tips.sh [BASE_URL] [SECONDS]
#   e.g. fangfei-bench/load/tips.sh http://localhost:8094 20
#
# BASE_URL  the running Fangfei (default http://localhost:8094)
# SECONDS   measured seconds per concurrency, after a 5 s warm-up at 4 clients (default 20)
#
# Environment:
#   CONCURRENCY  virtual clients to measure (default "1 4 8")
#   CAPTCHA      the fixed answer the application was started with (default 42)
#   PHOTO        a JPEG to attach; by default one is drawn with java (1280 x 960, about 300 KB,
#                smooth shading plus noise so that it compresses like a photo)
#
# Needs python3 and java. Sends traffic to localhost only.
set -euo pipefail

base=${1:-http://localhost:8094}
seconds=${2:-20}
concurrency=${CONCURRENCY:-1 4 8}
captcha=${CAPTCHA:-42}

case "$base" in
  http://localhost:*|http://127.0.0.1:*) ;;
  *) echo "refusing to load anything but localhost: $base" >&2; exit 2 ;;
esac
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "SECONDS must be a number" >&2; exit 2; }
for tool in python3 java; do
  command -v "$tool" > /dev/null || { echo "needs $tool" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

photo=${PHOTO:-}
if [[ -z "$photo" ]]; then
  cat > "$work/Photo.java" << 'JAVA'
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;
import javax.imageio.ImageIO;

/** A photo-like JPEG: smooth shading plus sensor-like noise, so that it compresses like a photo. */
public class Photo {

	public static void main(String[] args) throws Exception {
		int w = 1280, h = 960, amp = 32;
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(20261123L);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int base = (int) (120 + 60 * Math.sin(x / 37.0) * Math.cos(y / 53.0));
				int r = clamp(base + 40 * x / w + random.nextInt(2 * amp + 1) - amp);
				int g = clamp(base + random.nextInt(2 * amp + 1) - amp);
				int b = clamp(base + 50 * y / h + random.nextInt(2 * amp + 1) - amp);
				image.setRGB(x, y, (r << 16) | (g << 8) | b);
			}
		}
		ImageIO.write(image, "jpg", new File(args[0]));
	}

	static int clamp(int v) {
		return Math.max(0, Math.min(255, v));
	}

}
JAVA
  java -Djava.awt.headless=true "$work/Photo.java" "$work/photo.jpg"
  photo="$work/photo.jpg"
fi
[[ -f "$photo" ]] || { echo "no photo at $photo" >&2; exit 2; }

cat > "$work/client.py" << 'PY'
"""Virtual reporters: each round is GET /tip/new, GET /tip/captcha.png, POST /tip (multipart)."""
import http.cookiejar
import re
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

base, seconds, clients, captcha, photo_path, run = sys.argv[1:7]
seconds, clients = float(seconds), int(clients)
photo = open(photo_path, "rb").read()
TOKEN = re.compile(r'name="_csrf" value="([^"]+)"')
CODE = re.compile(r'id="tracking-code">([0-9A-Z-]{19})<')
lock = threading.Lock()
posts, rounds, refused = [], [], {}
counter = [0]


def multipart(fields, files):
    boundary = "----fangfei" + uuid.uuid4().hex
    parts = []
    for name, value in fields:
        parts.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
                      % (boundary, name, value)).encode("utf-8"))
    for name, filename, content_type, content in files:
        parts.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                      "Content-Type: %s\r\n\r\n" % (boundary, name, filename, content_type)).encode("utf-8"))
        parts.append(content + b"\r\n")
    parts.append(("--%s--\r\n" % boundary).encode("ascii"))
    return b"".join(parts), "multipart/form-data; boundary=" + boundary


def one_tip(n):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    start = time.perf_counter()
    html = opener.open(base + "/tip/new", timeout=60).read().decode("utf-8")
    token = TOKEN.search(html).group(1)
    opener.open(base + "/tip/captcha.png", timeout=60).read()
    real_name = n % 2 == 0
    fields = [("_csrf", token), ("subjectName", "压测对象 BENCH-%s-%d" % (run, n)),
              ("regionCode", "620422100001"), ("subjectAddress", "会师镇东山根社区"),
              ("whatHappened", "在小区门口发传单，承诺年息百分之二十，动员老人投钱办会员卡。第%d条" % n),
              ("amount", "50000"), ("peopleCount", "15"), ("anonymous", "false" if real_name else "true"),
              ("website", ""), ("captcha", captcha)]
    if real_name:
        fields += [("reporterName", "张压测"), ("reporterPhone", "139%08d" % (n % 100000000)),
                   ("wantsReward", "true")]
    body, content_type = multipart(fields, [("files", "现场.jpg", "image/jpeg", photo)])
    request = urllib.request.Request(base + "/tip", data=body, method="POST",
                                     headers={"Content-Type": content_type})
    posted = time.perf_counter()
    try:
        answer = opener.open(request, timeout=60).read().decode("utf-8")
        status = 200
    except urllib.error.HTTPError as e:
        answer, status = e.read().decode("utf-8", "replace"), e.code
    end = time.perf_counter()
    return CODE.search(answer) is not None, status, end - posted, end - start, answer


def client(deadline):
    while time.perf_counter() < deadline:
        with lock:
            counter[0] += 1
            n = counter[0]
        try:
            accepted, status, post, whole, answer = one_tip(n)
        except Exception as e:  # connection trouble counts as refused
            accepted, status, post, whole, answer = False, type(e).__name__, 0, 0, str(e)
        with lock:
            if accepted:
                posts.append(post)
                rounds.append(whole)
            else:
                if not refused:
                    sys.stderr.write("tip refused (%s): %s\n" % (status, re.sub(r"\s+", " ", answer)[:400]))
                refused[status] = refused.get(status, 0) + 1


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1))))] * 1000 if values else 0.0


began = time.perf_counter()
deadline = began + seconds
threads = [threading.Thread(target=client, args=(deadline,)) for _ in range(clients)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - began
print("RESULT %d %.2f %.0f %.0f %.0f %.0f %d" % (len(posts), len(posts) / elapsed, pct(posts, 50), pct(posts, 95),
                                               pct(rounds, 50), pct(rounds, 95), sum(refused.values())))
PY

size=$(wc -c < "$photo")
echo "photo: $photo, $((size / 1024)) KB"
# one tip first: a refusal here is usually the CAPTCHA answer or the per-address limits
read -r _ ok _ <<< "$(python3 "$work/client.py" "$base" 0.1 1 "$captcha" "$photo" "check$(date +%s)" | grep '^RESULT')"
if (( ok < 1 )); then
  echo "the portal refused the first tip: start the application with --fangfei.tips.captcha.fixed-answer=$captcha" \
    "and raised --fangfei.tips.limits.submit-burst / submit-per-hour (see the head of this script)" >&2
  exit 1
fi
python3 "$work/client.py" "$base" 5 4 "$captcha" "$photo" "warm$(date +%s)" > /dev/null

# Other work on the machine skews every figure: say how busy it was.
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %9s %8s %13s %13s %13s %13s %8s\n' clients accepted "tips/s" "POST p50 ms" "POST p95 ms" \
  "round p50 ms" "round p95 ms" refused
for c in $concurrency; do
  out=$(python3 "$work/client.py" "$base" "$seconds" "$c" "$captcha" "$photo" "c$c-$(date +%s)")
  read -r _ accepted rate p50 p95 r50 r95 refused <<< "$(grep '^RESULT' <<< "$out")"
  printf '%-8s %9s %8s %13s %13s %13s %13s %8s\n' "$c" "$accepted" "$rate" "$p50" "$p95" "$r50" "$r95" "$refused"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
