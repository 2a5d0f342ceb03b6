package org.fangfei.app.tip;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.fangfei.app.shared.Images;
import org.fangfei.app.shared.Rejected;

import org.springframework.web.multipart.MultipartFile;

/**
 * A tip's attachments, checked by their content and cleaned of what could name the
 * reporter before anything is stored. The type is read from the first bytes, never from
 * the name or the type the browser claims. Photos (JPEG, PNG) are decoded and encoded
 * again, which drops EXIF with its GPS position; Word documents (DOCX) get their document
 * properties rewritten without author, last editor or company; MP3 loses its ID3 tags;
 * AMR carries no metadata. PDF is refused: its Info dictionary and XMP may name the
 * author and cannot be cleaned reliably without a PDF library, so the reporter is asked
 * to photograph the pages or send a Word file. The stored name is neutral ("附件1.jpg"),
 * since a file name often carries a person's name.
 */
final class TipFiles {

	static final int MAX_FILES = 5;

	static final int MAX_BYTES = 8 * 1024 * 1024;

	static final int MAX_TOTAL = 20 * 1024 * 1024;

	static final int MAX_PIXELS = 40_000_000;

	static final int MAX_SIDE = 2000;

	private static final int MAX_DOCX_ENTRIES = 2000;

	private static final long MAX_DOCX_UNZIPPED = 60L * 1024 * 1024;

	private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	/** A cleaned attachment, ready to store. */
	record Cleaned(String fileName, String contentType, byte[] bytes) {
	}

	private TipFiles() {
	}

	static List<Cleaned> clean(List<MultipartFile> files) {
		List<MultipartFile> chosen = files == null ? List.of()
				: files.stream().filter(f -> f != null && !f.isEmpty()).toList();
		if (chosen.size() > MAX_FILES) {
			throw refused("最多上传" + MAX_FILES + "个附件，您选择了" + chosen.size() + "个");
		}
		long total = chosen.stream().mapToLong(MultipartFile::getSize).sum();
		if (total > MAX_TOTAL) {
			throw refused("附件合计不能超过20MB");
		}
		List<Cleaned> out = new ArrayList<>();
		int n = 1;
		for (MultipartFile file : chosen) {
			if (file.getSize() > MAX_BYTES) {
				throw refused("第" + n + "个附件超过8MB，请压缩后上传");
			}
			try {
				out.add(clean(file.getBytes(), n));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			n++;
		}
		return out;
	}

	static Cleaned clean(byte[] bytes, int n) {
		String base = "附件" + n;
		if (starts(bytes, 0xFF, 0xD8, 0xFF)) {
			return new Cleaned(base + ".jpg", "image/jpeg", image(bytes, false, n));
		}
		if (starts(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return new Cleaned(base + ".png", "image/png", image(bytes, true, n));
		}
		if (starts(bytes, '%', 'P', 'D', 'F', '-')) {
			throw refused("第" + n + "个附件是PDF文件。PDF可能带有作者等身份信息，为保护您，平台不接收PDF，请拍照或另存为Word(docx)后上传");
		}
		if (starts(bytes, 'P', 'K', 3, 4)) {
			return new Cleaned(base + ".docx", DOCX, docx(bytes, n));
		}
		if (starts(bytes, '#', '!', 'A', 'M', 'R')) {
			return new Cleaned(base + ".amr", "audio/amr", bytes);
		}
		if (bytes.length > 12 && starts(Arrays.copyOfRange(bytes, 4, 8), 'f', 't', 'y', 'p') && audioBrand(bytes)) {
			return new Cleaned(base + ".m4a", "audio/mp4", bytes);
		}
		if (starts(bytes, 'I', 'D', '3') || mp3Frame(bytes, 0)) {
			return new Cleaned(base + ".mp3", "audio/mpeg", mp3(bytes, n));
		}
		throw refused("第" + n + "个附件的类型不支持(按文件内容判断)。可上传：照片(JPG、PNG)、Word文档(docx)、录音(MP3、AMR、M4A)");
	}

	private static byte[] image(byte[] bytes, boolean png, int n) {
		BufferedImage image;
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw unreadable(n);
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
					throw refused("第" + n + "个附件的图片尺寸过大，请缩小后上传");
				}
				image = reader.read(0);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof Rejected rejected) {
				throw rejected;
			}
			throw unreadable(n);
		}
		BufferedImage plain = Images.redrawn(image, MAX_SIDE, png);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(plain, png ? "png" : "jpg", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * The document copied part by part, with docProps/core.xml, app.xml and custom.xml
	 * replaced by empty property sets; refused unless it is a Word document.
	 */
	private static byte[] docx(byte[] bytes, int n) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
		boolean document = false;
		boolean types = false;
		long unzipped = 0;
		int entries = 0;
		try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(bytes));
				ZipOutputStream zout = new ZipOutputStream(out)) {
			ZipEntry entry;
			while ((entry = zin.getNextEntry()) != null) {
				if (++entries > MAX_DOCX_ENTRIES) {
					throw notWord(n);
				}
				String name = entry.getName();
				byte[] content = readLimited(zin, MAX_DOCX_UNZIPPED - unzipped, n);
				unzipped += content.length;
				document |= name.equals("word/document.xml");
				types |= name.equals("[Content_Types].xml");
				byte[] replaced = switch (name) {
					case "docProps/core.xml" -> CORE.getBytes(StandardCharsets.UTF_8);
					case "docProps/app.xml" -> APP.getBytes(StandardCharsets.UTF_8);
					case "docProps/custom.xml" -> CUSTOM.getBytes(StandardCharsets.UTF_8);
					default -> content;
				};
				zout.putNextEntry(new ZipEntry(name));
				zout.write(replaced);
				zout.closeEntry();
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			throw notWord(n);
		}
		if (!document || !types) {
			throw notWord(n);
		}
		return out.toByteArray();
	}

	private static byte[] readLimited(InputStream in, long limit, int n) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		int read;
		long total = 0;
		while ((read = in.read(buffer)) > 0) {
			total += read;
			if (total > limit) {
				throw refused("第" + n + "个附件解压后过大，无法接收");
			}
			out.write(buffer, 0, read);
		}
		return out.toByteArray();
	}

	private static final String CORE = """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
			xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
			xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>""";

	private static final String APP = """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>""";

	private static final String CUSTOM = """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>""";

	/** The audio without its ID3v2 header and ID3v1 trailer (title, artist, comments). */
	private static byte[] mp3(byte[] bytes, int n) {
		int start = 0;
		if (starts(bytes, 'I', 'D', '3') && bytes.length > 10) {
			int size = ((bytes[6] & 0x7F) << 21) | ((bytes[7] & 0x7F) << 14) | ((bytes[8] & 0x7F) << 7)
					| (bytes[9] & 0x7F);
			boolean footer = (bytes[5] & 0x10) != 0;
			start = 10 + size + (footer ? 10 : 0);
		}
		int end = bytes.length;
		if (end - start >= 128 && bytes[end - 128] == 'T' && bytes[end - 127] == 'A' && bytes[end - 126] == 'G') {
			end -= 128;
		}
		if (start >= end || !mp3Frame(bytes, start)) {
			throw refused("第" + n + "个附件不是有效的MP3录音");
		}
		return Arrays.copyOfRange(bytes, start, end);
	}

	private static boolean mp3Frame(byte[] bytes, int at) {
		return bytes.length > at + 1 && (bytes[at] & 0xFF) == 0xFF && (bytes[at + 1] & 0xE0) == 0xE0
				&& (bytes[at + 1] & 0x06) != 0;
	}

	private static boolean audioBrand(byte[] bytes) {
		String brand = new String(bytes, 8, 4, StandardCharsets.ISO_8859_1);
		return brand.equals("M4A ") || brand.equals("M4B ") || brand.equals("isom") || brand.equals("mp42")
				|| brand.startsWith("3gp");
	}

	private static boolean starts(byte[] bytes, int... magic) {
		if (bytes.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((bytes[i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

	private static Rejected unreadable(int n) {
		return refused("第" + n + "个附件的图片无法读取，请重新拍摄或另存为JPG后上传");
	}

	private static Rejected notWord(int n) {
		return refused("第" + n + "个附件不是Word文档(docx)，无法接收");
	}

	static Rejected refused(String message) {
		return new Rejected(message, Map.of("files", message));
	}

}
