package org.fangfei.app.patrol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.fangfei.app.shared.FileType;
import org.fangfei.app.shared.Images;
import org.fangfei.app.shared.Rejected;

import org.springframework.web.multipart.MultipartFile;

/**
 * A photo taken on a patrol. Its type is read from its first bytes ({@link FileType}:
 * JPEG or PNG), never from the file name or the type the browser claims, so a text file
 * renamed {@code .jpg} is refused. What is stored is the picture turned upright, decoded
 * and encoded again by {@link Images}, at most {@value #MAX_SIDE} pixels on its longer
 * side: that drops the metadata a phone writes (EXIF, with the place the photo was taken)
 * and anything hidden behind the image data, and refuses a picture declaring more than
 * {@link Images#MAX_PIXELS} pixels before decoding it.
 */
record Photo(String contentType, byte[] bytes) {

	static final int MAX_PHOTOS = 5;

	static final int MAX_BYTES = 5 * 1024 * 1024;

	static final int MAX_SIDE = 1600;

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
		FileType type = FileType.of(bytes);
		if (type != FileType.JPEG && type != FileType.PNG) {
			throw refused("文件“" + name + "”不是JPEG或PNG图片，只能上传照片");
		}
		return new Photo(type.contentType(), reencoded(bytes, name));
	}

	private static byte[] reencoded(byte[] bytes, String name) {
		return Images.reencoded(bytes, MAX_SIDE, Images.MAX_PIXELS, "照片“" + name + "”", "photos").bytes();
	}

	private static Rejected refused(String message) {
		return new Rejected(message, java.util.Map.of("photos", message));
	}

}
