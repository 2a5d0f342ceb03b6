package org.fangfei.app.tip;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An M4A recording (ISO base media file) rebuilt as {@code ftyp}, {@code moov} and one
 * {@code mdat}, in that order. Inside {@code moov} and its tracks every {@code udta},
 * {@code meta}, {@code uuid}, {@code free} and {@code skip} box is dropped (that is where
 * iTunes-style tags, the recording device and the {@code ©xyz} location live) and the
 * creation and modification times are zeroed; the chunk offsets ({@code stco},
 * {@code co64}) are moved by as much as {@code mdat} moved. Refused: fragmented files
 * ({@code moof}), several {@code mdat}, a track that is not sound (video, timed metadata
 * such as a GPS track), and chunk offsets outside {@code mdat}.
 */
final class TipM4a {

	/** Thrown when the file is not a plain, self-contained audio-only M4A. */
	static final class Unfit extends Exception {

		Unfit(String message) {
			super(message, null, false, false);
		}

	}

	private static final Set<String> DESCENDED = Set.of("moov", "trak", "mdia", "minf", "stbl");

	private static final Set<String> DROPPED = Set.of("udta", "meta", "uuid", "free", "skip", "wide");

	private static final Set<String> TIMED = Set.of("mvhd", "tkhd", "mdhd");

	/**
	 * How deep containers may nest below {@code moov}; a real file needs four
	 * (moov/trak/mdia/minf/stbl).
	 */
	private static final int MAX_DEPTH = 16;

	private record Box(String type, int start, int headerSize, int end) {

		int bodyStart() {
			return this.start + this.headerSize;
		}

	}

	private TipM4a() {
	}

	static byte[] clean(byte[] bytes) throws Unfit {
		Box ftyp = null;
		Box moov = null;
		Box mdat = null;
		for (Box box : boxes(bytes, 0, bytes.length, true)) {
			switch (box.type()) {
				case "ftyp" -> ftyp = ftyp == null ? box : fail("two ftyp");
				case "moov" -> moov = moov == null ? box : fail("two moov");
				case "mdat" -> mdat = mdat == null ? box : fail("two mdat");
				case "moof", "mfra", "sidx", "styp" -> fail("fragmented");
				default -> {
				}
			}
		}
		if (ftyp == null || moov == null || mdat == null || ftyp.start() != 0) {
			throw new Unfit("missing ftyp, moov or mdat");
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
		out.write(bytes, 0, ftyp.end());
		int[] tracks = { 0, 0 };
		byte[] newMoov = rebuilt(bytes, moov, tracks, 0);
		if (tracks[0] == 0 || tracks[1] != tracks[0]) {
			throw new Unfit("a track that is not sound, or none");
		}
		long mdatBody = mdat.end() - (long) mdat.bodyStart();
		long newBodyStart = ftyp.end() + newMoov.length + 8L;
		long shift = newBodyStart - mdat.bodyStart();
		shiftOffsets(newMoov, mdat, shift);
		out.write(newMoov, 0, newMoov.length);
		out.write(ByteBuffer.allocate(8).putInt((int) (mdatBody + 8)).put(ascii("mdat")).array(), 0, 8);
		out.write(bytes, mdat.bodyStart(), (int) mdatBody);
		return out.toByteArray();
	}

	/** The box without the dropped boxes inside; counts tracks and sound tracks. */
	private static byte[] rebuilt(byte[] bytes, Box box, int[] tracks, int depth) throws Unfit {
		if (depth > MAX_DEPTH) {
			throw new Unfit("boxes nested too deep");
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (box.type().equals("trak")) {
			tracks[0]++;
		}
		for (Box child : boxes(bytes, box.bodyStart(), box.end(), false)) {
			if (DROPPED.contains(child.type())) {
				continue;
			}
			byte[] copy;
			if (DESCENDED.contains(child.type())) {
				copy = rebuilt(bytes, child, tracks, depth + 1);
			}
			else {
				copy = java.util.Arrays.copyOfRange(bytes, child.start(), child.end());
				copy = normalisedHeader(copy, child.headerSize());
				if (TIMED.contains(child.type())) {
					zeroTimes(copy);
				}
				if (child.type().equals("hdlr") && box.type().equals("mdia") && copy.length >= 20
						&& new String(copy, 16, 4, StandardCharsets.ISO_8859_1).equals("soun")) {
					tracks[1]++;
				}
			}
			body.write(copy, 0, copy.length);
		}
		return ByteBuffer.allocate(8 + body.size())
			.putInt(8 + body.size())
			.put(ascii(box.type()))
			.put(body.toByteArray())
			.array();
	}

	/**
	 * The box with an 8-byte header holding its true size, whatever size form it had (a
	 * 64-bit size, or 0 for "to the end").
	 */
	private static byte[] normalisedHeader(byte[] box, int headerSize) throws Unfit {
		long length = box.length - (long) headerSize + 8;
		if (length > Integer.MAX_VALUE) {
			throw new Unfit("box size");
		}
		if (headerSize == 8) {
			ByteBuffer.wrap(box).putInt(0, box.length);
			return box;
		}
		ByteBuffer out = ByteBuffer.allocate((int) length).putInt((int) length).put(box, 4, 4);
		return out.put(box, headerSize, box.length - headerSize).array();
	}

	private static void zeroTimes(byte[] box) {
		int width = box.length > 8 && box[8] == 1 ? 8 : 4;
		for (int i = 12; i < 12 + 2 * width && i < box.length; i++) {
			box[i] = 0;
		}
	}

	/** Moves every stco/co64 entry in the rebuilt moov by {@code shift}. */
	private static void shiftOffsets(byte[] moov, Box mdat, long shift) throws Unfit {
		for (int at = 8; at + 8 <= moov.length;) {
			int size = ByteBuffer.wrap(moov, at, 4).getInt();
			if (size < 8 || size > moov.length - at) {
				throw new Unfit("box size");
			}
			String type = new String(moov, at + 4, 4, StandardCharsets.ISO_8859_1);
			if (DESCENDED.contains(type)) {
				at += 8;
				continue;
			}
			if (type.equals("stco") || type.equals("co64")) {
				shiftTable(moov, at, size, type.equals("co64"), mdat, shift);
			}
			at += size;
		}
	}

	private static void shiftTable(byte[] moov, int at, int size, boolean wide, Box mdat, long shift) throws Unfit {
		if (size < 16) {
			throw new Unfit("bad chunk offset table");
		}
		ByteBuffer table = ByteBuffer.wrap(moov, at, size);
		long count = Integer.toUnsignedLong(table.getInt(at + 12));
		int width = wide ? 8 : 4;
		if (count > (size - 16L) / width) {
			throw new Unfit("bad chunk offset table");
		}
		for (int i = 0; i < count; i++) {
			int p = at + 16 + i * width;
			long offset = wide ? table.getLong(p) : Integer.toUnsignedLong(table.getInt(p));
			if (offset < mdat.bodyStart() || offset >= mdat.end()) {
				throw new Unfit("chunk outside mdat");
			}
			long moved = offset + shift;
			if (wide) {
				table.putLong(p, moved);
			}
			else if (moved > 0xFFFF_FFFFL) {
				throw new Unfit("offset overflow");
			}
			else {
				table.putInt(p, (int) moved);
			}
		}
	}

	/**
	 * The boxes laid end to end in {@code [from, to)}. A size of 0 runs to {@code to} at
	 * the top level only; inside a container it is refused.
	 */
	private static List<Box> boxes(byte[] bytes, int from, int to, boolean topLevel) throws Unfit {
		List<Box> boxes = new ArrayList<>();
		int at = from;
		while (at < to) {
			if (to - at < 8) {
				throw new Unfit("truncated box");
			}
			ByteBuffer header = ByteBuffer.wrap(bytes, at, to - at);
			long size = Integer.toUnsignedLong(header.getInt(at));
			int headerSize = 8;
			if (size == 1) {
				if (to - at < 16) {
					throw new Unfit("truncated box");
				}
				size = header.getLong(at + 8);
				headerSize = 16;
			}
			else if (size == 0) {
				if (!topLevel) {
					throw new Unfit("box size 0 inside a container");
				}
				size = to - at;
			}
			if (size < headerSize || size > to - at) {
				throw new Unfit("box size");
			}
			boxes.add(new Box(new String(bytes, at + 4, 4, StandardCharsets.ISO_8859_1), at, headerSize,
					(int) (at + size)));
			at += (int) size;
		}
		return boxes;
	}

	private static byte[] ascii(String type) {
		return type.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static <T> T fail(String why) throws Unfit {
		throw new Unfit(why);
	}

}
