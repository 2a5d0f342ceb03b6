package org.fangfei.app.tip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.FileType;
import org.fangfei.app.shared.Images;
import org.fangfei.app.shared.Rejected;

import org.springframework.web.multipart.MultipartFile;

/**
 * A tip's attachments, checked by their content and cleaned of what could name the
 * reporter before anything is stored. The type is read from the first bytes, never from
 * the name or the type the browser claims ({@link FileType}), and every accepted type is
 * rebuilt from what it needs rather than stripped of what is known to be dangerous:
 * <ul>
 * <li>photos (JPEG, PNG) are decoded and drawn again through {@link Images}, which drops
 * EXIF with its GPS position;</li>
 * <li>Word documents (DOCX) are rebuilt by {@link TipDocx}: no document properties,
 * people, comments, tracked changes, custom XML or macros, and every picture inside drawn
 * again; what cannot be cleaned (embedded objects, charts, EMF) is refused;</li>
 * <li>recordings keep their audio only: MP3 and AMR their frames ({@link TipAudio}), M4A
 * its {@code ftyp}, {@code moov} without tags and {@code mdat} ({@link TipM4a}).</li>
 * </ul>
 * PDF is refused: its Info dictionary and XMP may name the author and cannot be cleaned
 * reliably without a PDF library, so the reporter is asked to photograph the pages or
 * send a Word file. The stored name is neutral ("附件1.jpg"), since a file name often
 * carries a person's name. Each cleaned file says which {@link Cleaning} was applied, and
 * the staff page shows that and nothing more.
 */
final class TipFiles {

	static final int MAX_FILES = 5;

	static final int MAX_BYTES = 8 * 1024 * 1024;

	static final int MAX_TOTAL = 20 * 1024 * 1024;

	static final int MAX_SIDE = 2000;

	private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	/** A cleaned attachment, ready to store. */
	record Cleaned(String fileName, String contentType, byte[] bytes, Cleaning cleaning) {
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
		FileType type = FileType.of(bytes);
		switch (type) {
			case JPEG, PNG -> {
				byte[] photo = Images.reencoded(bytes, MAX_SIDE, Images.MAX_PIXELS, "第" + n + "个附件的图片", "files")
					.bytes();
				String extension = (type == FileType.PNG) ? ".png" : ".jpg";
				return new Cleaned(base + extension, type.contentType(), photo, Cleaning.PHOTO);
			}
			case PDF -> throw refused("第" + n + "个附件是PDF文件。PDF可能带有作者等身份信息，为保护您，平台不接收PDF，请拍照或另存为Word(docx)后上传");
			case ZIP -> {
				return new Cleaned(base + ".docx", DOCX, TipDocx.clean(bytes, n), Cleaning.DOCUMENT);
			}
			case AMR -> {
				return new Cleaned(base + ".amr", "audio/amr", audio(TipAudio.amrFrames(bytes), "AMR", n),
						Cleaning.AUDIO);
			}
			case MP4 -> {
				if (audioBrand(FileType.brand(bytes))) {
					return new Cleaned(base + ".m4a", "audio/mp4", m4a(bytes, n), Cleaning.AUDIO);
				}
				// a video: refused below
			}
			case MP3 -> {
				return new Cleaned(base + ".mp3", "audio/mpeg", audio(TipAudio.mp3Frames(bytes), "MP3", n),
						Cleaning.AUDIO);
			}
			default -> {
			}
		}
		throw refused("第" + n + "个附件的类型不支持(按文件内容判断)。可上传：照片(JPG、PNG)、Word文档(docx)、录音(MP3、AMR、M4A)");
	}

	private static byte[] audio(byte[] frames, String kind, int n) {
		if (frames == null) {
			throw refused("第" + n + "个附件不是有效的" + kind + "录音，无法接收");
		}
		return frames;
	}

	private static byte[] m4a(byte[] bytes, int n) {
		try {
			return TipM4a.clean(bytes);
		}
		catch (TipM4a.Unfit ex) {
			throw refused("第" + n + "个附件不是只含声音的M4A录音(可能是视频、分段文件或已损坏)，请导出为普通录音后上传");
		}
	}

	private static boolean audioBrand(String brand) {
		return brand.equals("M4A ") || brand.equals("M4B ") || brand.equals("isom") || brand.equals("mp42")
				|| brand.startsWith("3gp");
	}

	static Rejected refused(String message) {
		return new Rejected(message, Map.of("files", message));
	}

}
