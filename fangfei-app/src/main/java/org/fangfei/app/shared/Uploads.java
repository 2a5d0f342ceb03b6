package org.fangfei.app.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files going in and out through the browser: an uploaded import file read against its
 * template, and an .xlsx answer with a Chinese file name (RFC 5987 {@code filename*}).
 */
public final class Uploads {

	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private Uploads() {
	}

	/**
	 * Reads an upload; an absent or empty file is refused like an unreadable one.
	 * @throws Rejected when there is no file, or it is not readable Excel or CSV
	 */
	public static <K extends ImportTemplate> ImportTable<K> table(K kind, MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw new Rejected("请选择要上传的 Excel(.xlsx) 或 CSV 文件");
		}
		try (InputStream in = file.getInputStream()) {
			return ImportTable.read(kind, file.getOriginalFilename(), in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An .xlsx download under a file name that may be Chinese. */
	public static ResponseEntity<byte[]> xlsx(String filename, byte[] body) {
		return download(filename, XLSX, body);
	}

	/**
	 * A stored file sent as a download (never shown inline) under its name, which may be
	 * Chinese; the content type is the one found by content when it was stored.
	 */
	public static ResponseEntity<byte[]> download(String filename, String contentType, byte[] body) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(contentType))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(filename, java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(body);
	}

}
