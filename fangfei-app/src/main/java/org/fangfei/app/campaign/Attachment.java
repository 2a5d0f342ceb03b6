package org.fangfei.app.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fangfei.app.shared.FileType;
import org.fangfei.app.shared.Images;
import org.fangfei.app.shared.Rejected;

import org.springframework.web.multipart.MultipartFile;

/**
 * An attachment to a plan or a progress report, cleaned as the project cleans uploads:
 * its type read from its content ({@link FileType}), never its name; only PDF, JPG/PNG
 * images (re-encoded without their shooting data), Word and Excel documents whose content
 * matches their name; 10 MB each, 5 per report.
 */
record Attachment(String fileName, String contentType, byte[] bytes, String cleaning) {

	static final int MAX_BYTES = 10 * 1024 * 1024;

	static final int MAX_FILES = 5;

	private static final Set<FileType> ACCEPTED = Set.of(FileType.PDF, FileType.JPEG, FileType.PNG, FileType.ZIP,
			FileType.OLE);

	/** The files of a form, empty parts skipped. */
	static List<Attachment> of(List<MultipartFile> files) {
		List<Attachment> cleaned = new ArrayList<>();
		if (files == null) {
			return cleaned;
		}
		List<MultipartFile> present = files.stream()
			.filter(f -> f != null
					&& (!f.isEmpty() || f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()))
			.toList();
		if (present.size() > MAX_FILES) {
			throw new Rejected("附件最多 " + MAX_FILES + " 个", Map.of("files", "附件过多"));
		}
		for (MultipartFile f : present) {
			try {
				cleaned.add(clean(f.getOriginalFilename(), f.getBytes()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return cleaned;
	}

	static Attachment clean(String fileName, byte[] bytes) {
		String name = fileName == null || fileName.isBlank() ? "附件" : fileName.strip().replaceAll("[\\\\/]", "_");
		name = name.length() > 200 ? name.substring(name.length() - 200) : name;
		if (bytes == null || bytes.length == 0) {
			throw new Rejected("附件“" + name + "”是空文件", Map.of("files", "空文件"));
		}
		if (bytes.length > MAX_BYTES) {
			throw new Rejected("附件“" + name + "”超过 10 MB", Map.of("files", "文件过大"));
		}
		FileType kind = FileType.of(bytes);
		String media = kind.mediaType(name);
		if (!ACCEPTED.contains(kind) || media == null) {
			throw new Rejected("附件“" + name + "”只能是 PDF、JPG/PNG 图片或 Word、Excel 文档(按文件内容判断)",
					Map.of("files", "文件类型不支持"));
		}
		if (Images.readable(kind)) {
			var re = Images.reencoded(bytes, 4000, Images.MAX_PIXELS, "图片“" + name + "”", "files");
			return new Attachment(name, re.type().contentType(), re.bytes(), "图片已重新编码，去除拍摄信息");
		}
		return new Attachment(name, media, bytes,
				"按内容核对为 " + (kind == FileType.PDF ? "PDF" : name.substring(name.lastIndexOf('.') + 1).toUpperCase()));
	}

}
