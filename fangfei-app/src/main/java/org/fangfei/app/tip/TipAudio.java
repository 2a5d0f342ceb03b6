package org.fangfei.app.tip;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * MP3 and AMR recordings reduced to their audio frames. Everything between, before and
 * after the frames (ID3v2 and ID3v1 tags, APEv2 tags, Lyrics3, an appended ID3v2 footer,
 * text or other junk) is dropped, because any of it may carry a name, a phone number or
 * the place of a recording. A file whose frames are not nearly all of it (after a leading
 * ID3v2 tag) is not a recording, however it begins, and is refused.
 */
final class TipAudio {

	/** The share of an MP3 (after its leading ID3v2 tag) that must be audio frames. */
	static final double MIN_AUDIO_SHARE = 0.9;

	private static final byte[] AMR_NB = "#!AMR\n".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] AMR_WB = "#!AMR-WB\n".getBytes(StandardCharsets.US_ASCII);

	/**
	 * Frame size in bytes with its header by frame type (RFC 4867 section 5.3); 0 =
	 * invalid.
	 */
	private static final int[] AMR_NB_SIZES = { 13, 14, 16, 18, 20, 21, 27, 32, 6, 0, 0, 0, 0, 0, 0, 1 };

	private static final int[] AMR_WB_SIZES = { 18, 24, 33, 37, 41, 47, 51, 59, 61, 6, 0, 0, 0, 0, 1, 1 };

	/** Kbit/s by [MPEG-1 ? 0 : 1][layer 1..3 - 1][index]; 0 = free format or invalid. */
	private static final int[][][] BITRATES = {
			{ { 0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448, 0 },
					{ 0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 0 },
					{ 0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0 } },
			{ { 0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256, 0 },
					{ 0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0 },
					{ 0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0 } } };

	/** Hz by [version bits][index]; version bits 0 = MPEG 2.5, 2 = MPEG 2, 3 = MPEG 1. */
	private static final int[][] SAMPLE_RATES = { { 11025, 12000, 8000 }, {}, { 22050, 24000, 16000 },
			{ 44100, 48000, 32000 } };

	private TipAudio() {
	}

	/**
	 * The MPEG audio frames of an MP3, or null when it is not (nearly all) MPEG audio.
	 */
	static byte[] mp3Frames(byte[] bytes) {
		int start = leadingId3Size(bytes);
		ByteArrayOutputStream frames = new ByteArrayOutputStream(bytes.length);
		int format = -1;
		int chainEnd = -1;
		int at = start;
		while (at + 4 <= bytes.length) {
			int length = frameLength(bytes, at, format);
			boolean accepted = length > 0 && at + length <= bytes.length && (at == chainEnd
					|| at + length == bytes.length || frameLength(bytes, at + length, header(bytes, at)) > 0);
			if (accepted) {
				format = format < 0 ? header(bytes, at) : format;
				frames.write(bytes, at, length);
				at += length;
				chainEnd = at;
			}
			else {
				at++;
			}
		}
		long remaining = bytes.length - (long) start;
		if (frames.size() == 0 || frames.size() < MIN_AUDIO_SHARE * remaining) {
			return null;
		}
		return frames.toByteArray();
	}

	/**
	 * The AMR header and its whole frames up to the first byte that is not one, or null.
	 */
	static byte[] amrFrames(byte[] bytes) {
		boolean wide = starts(bytes, AMR_WB);
		int[] sizes = wide ? AMR_WB_SIZES : AMR_NB_SIZES;
		int at = (wide ? AMR_WB : AMR_NB).length;
		int frames = 0;
		while (at < bytes.length) {
			int header = bytes[at] & 0xFF;
			int size = (header & 0x83) == 0 ? sizes[(header >> 3) & 0x0F] : 0;
			if (size == 0 || at + size > bytes.length) {
				break;
			}
			at += size;
			frames++;
		}
		return frames == 0 ? null : Arrays.copyOf(bytes, at);
	}

	private static int leadingId3Size(byte[] bytes) {
		if (bytes.length < 10 || bytes[0] != 'I' || bytes[1] != 'D' || bytes[2] != '3') {
			return 0;
		}
		int size = ((bytes[6] & 0x7F) << 21) | ((bytes[7] & 0x7F) << 14) | ((bytes[8] & 0x7F) << 7) | (bytes[9] & 0x7F);
		boolean footer = (bytes[5] & 0x10) != 0;
		return (int) Math.min(bytes.length, 10L + size + (footer ? 10 : 0));
	}

	/** The version, layer and sample-rate bits of the frame header at {@code at}. */
	private static int header(byte[] bytes, int at) {
		return ((bytes[at + 1] & 0x1E) << 8) | (bytes[at + 2] & 0x0C);
	}

	/**
	 * The length of a valid frame at {@code at}, matching {@code format} unless it is
	 * negative, or 0 when there is none. Free-format frames count as invalid.
	 */
	private static int frameLength(byte[] bytes, int at, int format) {
		if (at + 4 > bytes.length || (bytes[at] & 0xFF) != 0xFF || (bytes[at + 1] & 0xE0) != 0xE0) {
			return 0;
		}
		int version = (bytes[at + 1] >> 3) & 0x03;
		int layer = 4 - ((bytes[at + 1] >> 1) & 0x03);
		int bitrateIndex = (bytes[at + 2] >> 4) & 0x0F;
		int rateIndex = (bytes[at + 2] >> 2) & 0x03;
		if (version == 1 || layer == 4 || rateIndex == 3 || (format >= 0 && header(bytes, at) != format)) {
			return 0;
		}
		int bitrate = BITRATES[version == 3 ? 0 : 1][layer - 1][bitrateIndex] * 1000;
		int rate = SAMPLE_RATES[version][rateIndex];
		int padding = (bytes[at + 2] >> 1) & 0x01;
		if (bitrate == 0) {
			return 0;
		}
		if (layer == 1) {
			return (12 * bitrate / rate + padding) * 4;
		}
		int slots = layer == 3 && version != 3 ? 72 : 144;
		return slots * bitrate / rate + padding;
	}

	private static boolean starts(byte[] bytes, byte[] magic) {
		return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
	}

}
