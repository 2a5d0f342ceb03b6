package org.fangfei.app.shared;

import java.util.Locale;

/**
 * What an uploaded file is, read from its first bytes and never from its name or the type
 * the browser claims: a text file renamed {@code .jpg} is {@link #TEXT}, an executable
 * renamed {@code .pdf} is {@link #UNKNOWN}. This is the one place that knows the
 * signatures; each upload then decides which types it takes and how it cleans them.
 * <p>
 * Two signatures are containers that hold several Office formats — {@link #ZIP} (.docx,
 * .xlsx) and {@link #OLE} (.doc, .xls) — and {@link #TEXT} covers CSV in any encoding;
 * {@link #mediaType(String)} picks the format within the container by the name's
 * extension, so a name can narrow what the content says but never widen it. Apache Tika's
 * magic database was tried and not used: it takes a GBK-encoded CSV (as Excel saves it in
 * China) for binary, and names most M4A recordings video.
 */
public enum FileType {

	JPEG("image/jpeg"), PNG("image/png"), GIF("image/gif"), BMP("image/bmp"), PDF("application/pdf"),

	/** A ZIP archive: an Office Open XML document (.docx, .xlsx) or any other. */
	ZIP("application/zip"),

	/** An OLE2 compound file: a legacy Office document (.doc, .xls) or any other. */
	OLE("application/x-ole-storage"),

	/** An AMR recording, narrow- or wide-band ({@code #!AMR\n}, {@code #!AMR-WB\n}). */
	AMR("audio/amr"),

	/**
	 * An ISO base media file ({@code ftyp} box first): M4A recordings, but also MP4 and
	 * 3GP video; {@link #brand(byte[])} tells which.
	 */
	MP4("audio/mp4"),

	/** MPEG audio: an ID3v2 tag or an MPEG frame sync first. */
	MP3("audio/mpeg"),

	/**
	 * Text in any ASCII-compatible encoding (UTF-8, GBK…): no NUL or other control byte
	 * but tab and line breaks in the first {@value #TEXT_PROBE} bytes.
	 */
	TEXT("text/plain"),

	/** None of the above, or empty. */
	UNKNOWN("application/octet-stream");

	/** How many leading bytes decide whether a file is text. */
	static final int TEXT_PROBE = 8192;

	private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final String contentType;

	FileType(String contentType) {
		this.contentType = contentType;
	}

	/** The media type of the content alone, as stored and sent back. */
	public String contentType() {
		return this.contentType;
	}

	/** The type of a file by its content. */
	public static FileType of(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			return UNKNOWN;
		}
		if (starts(bytes, 0, 0xFF, 0xD8, 0xFF)) {
			return JPEG;
		}
		if (starts(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return PNG;
		}
		if (starts(bytes, 0, 'G', 'I', 'F', '8', '7', 'a') || starts(bytes, 0, 'G', 'I', 'F', '8', '9', 'a')) {
			return GIF;
		}
		if (starts(bytes, 0, 'B', 'M') && starts(bytes, 6, 0, 0, 0, 0)) {
			// the reserved zeros tell a bitmap from text that begins with "BM"
			return BMP;
		}
		if (starts(bytes, 0, '%', 'P', 'D', 'F', '-')) {
			return PDF;
		}
		if (starts(bytes, 0, 'P', 'K', 3, 4)) {
			return ZIP;
		}
		if (starts(bytes, 0, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
			return OLE;
		}
		if (starts(bytes, 0, '#', '!', 'A', 'M', 'R', '\n')
				|| starts(bytes, 0, '#', '!', 'A', 'M', 'R', '-', 'W', 'B', '\n')) {
			return AMR;
		}
		if (bytes.length >= 12 && starts(bytes, 0, 0, 0) && starts(bytes, 4, 'f', 't', 'y', 'p')) {
			return MP4;
		}
		if (id3(bytes) || (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xE0) == 0xE0)) {
			return MP3;
		}
		return text(bytes) ? TEXT : UNKNOWN;
	}

	/**
	 * The media type of a file of this type named {@code fileName}: for {@link #ZIP} and
	 * {@link #OLE} the Office format the extension names ({@code .docx}, {@code .xlsx};
	 * {@code .doc}, {@code .xls}), for {@link #TEXT} named {@code .csv} CSV, otherwise
	 * the content's own type.
	 * @return the media type, or null for a container whose name is none of its Office
	 * formats (a ZIP named {@code .docx} may be a Word document; a ZIP named {@code .jpg}
	 * is nothing this application takes)
	 */
	public String mediaType(String fileName) {
		String name = (fileName == null) ? "" : fileName.toLowerCase(Locale.ROOT);
		return switch (this) {
			case ZIP -> name.endsWith(".docx") ? DOCX : name.endsWith(".xlsx") ? XLSX : null;
			case OLE -> name.endsWith(".doc") ? "application/msword"
					: name.endsWith(".xls") ? "application/vnd.ms-excel" : null;
			case TEXT -> name.endsWith(".csv") ? "text/csv" : this.contentType;
			default -> this.contentType;
		};
	}

	/**
	 * The major brand of an {@link #MP4} file ({@code "M4A "}, {@code "isom"},
	 * {@code "3gp4"}…), or null for any other type.
	 */
	public static String brand(byte[] bytes) {
		if (of(bytes) != MP4) {
			return null;
		}
		return new String(bytes, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
	}

	/** An ID3v2 tag: "ID3", major version 2 to 4. */
	private static boolean id3(byte[] bytes) {
		return starts(bytes, 0, 'I', 'D', '3') && bytes.length > 3 && bytes[3] >= 2 && bytes[3] <= 4;
	}

	private static boolean text(byte[] bytes) {
		for (int i = 0; i < Math.min(bytes.length, TEXT_PROBE); i++) {
			int b = bytes[i] & 0xFF;
			if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
				return false;
			}
		}
		return true;
	}

	private static boolean starts(byte[] bytes, int at, int... magic) {
		if (bytes.length < at + magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((bytes[at + i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

}
