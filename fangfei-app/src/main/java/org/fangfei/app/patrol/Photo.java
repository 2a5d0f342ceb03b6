package org.fangfei.app.patrol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.fangfei.app.shared.Images;
import org.fangfei.app.shared.Rejected;

import org.springframework.web.multipart.MultipartFile;

/**
 * A photo taken on a patrol. Its type is read from its first bytes (JPEG
 * {@code FF D8 FF}, PNG's eight-byte signature), never from the file name or the type the
 * browser claims, so a text file renamed {@code .jpg} is refused. What is stored is the
 * picture decoded and encoded again, at most {@value #MAX_SIDE} pixels on its longer
 * side: that drops the metadata a phone writes (EXIF, with the place the photo was taken)
 * and anything hidden behind the image data. It is decoded through {@link Images}, which
 * refuses a picture declaring more than {@link Images#MAX_PIXELS} pixels before decoding
 * it.
 */
record Photo(String contentType, byte[] bytes) {

	static final int MAX_PHOTOS = 5;

	static final int MAX_BYTES = 5 * 1024 * 1024;

	static final int MAX_SIDE = 1600;

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	/**
	 * The uploaded photos, checked; empty file parts (no file chosen) are skipped.
	 * @throws Rejected with a Chinese message naming the file, before anything is written
	 */
	static List<Photo> of(List<MultipartFile> files) {
		List<MultipartFile> chosen = files == null ? List.of()
				: files.stream().filter(f -> f != null && !f.isEmpty()).toList();
		if (chosen.size() > MAX_PHOTOS) {
			throw refused("每次走访最多上传" + MAX_PHOTOS + "张照片，您选择了" + chosen.size() + "张");
		}
		List<Photo> photos = new ArrayList<>();
		for (MultipartFile file : chosen) {
			photos.add(of(file));
		}
		return photos;
	}

	private static Photo of(MultipartFile file) {
		String name = file.getOriginalFilename() == null ? "照片" : file.getOriginalFilename();
		if (file.getSize() > MAX_BYTES) {
			throw refused("照片“" + name + "”超过5MB，请压缩后重新上传");
		}
		byte[] bytes;
		try {
			bytes = file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String type = typeOf(bytes);
		if (type == null) {
			throw refused("文件“" + name + "”不是JPEG或PNG图片，只能上传照片");
		}
		return new Photo(type, reencoded(bytes, name));
	}

	private static byte[] reencoded(byte[] bytes, String name) {
		return Images.reencoded(bytes, MAX_SIDE, Images.MAX_PIXELS, "照片“" + name + "”", "photos").bytes();
	}

	/** {@code image/png}, {@code image/jpeg}, or null for anything else. */
	static String typeOf(byte[] bytes) {
		if (startsWith(bytes, PNG)) {
			return "image/png";
		}
		return startsWith(bytes, JPEG) ? "image/jpeg" : null;
	}

	private static boolean startsWith(byte[] bytes, byte[] magic) {
		return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
	}

	private static Rejected refused(String message) {
		return new Rejected(message, java.util.Map.of("photos", message));
	}

}
