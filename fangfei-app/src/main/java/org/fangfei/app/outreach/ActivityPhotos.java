package org.fangfei.app.outreach;

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
 * Photos of an activity, cleaned as every upload is: the type read from the first bytes
 * ({@link FileType}), JPEG or PNG only, re-encoded upright without EXIF or GPS by
 * {@link Images}; at most {@value #MAX_PHOTOS}, each at most 5 MB.
 */
final class ActivityPhotos {

	static final int MAX_PHOTOS = 6;

	static final long MAX_BYTES = 5L * 1024 * 1024;

	static final int MAX_SIDE = 1600;

	record Photo(String contentType, byte[] bytes) {
	}

	private ActivityPhotos() {
	}

	static List<Photo> clean(List<MultipartFile> files) {
		List<MultipartFile> chosen = files == null ? List.of()
				: files.stream().filter(f -> f != null && !f.isEmpty()).toList();
		if (chosen.size() > MAX_PHOTOS) {
			throw refused("最多上传" + MAX_PHOTOS + "张照片");
		}
		List<Photo> photos = new ArrayList<>();
		for (MultipartFile file : chosen) {
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
			photos.add(new Photo(type.contentType(),
					Images.reencoded(bytes, MAX_SIDE, Images.MAX_PIXELS, "照片“" + name + "”", "photos").bytes()));
		}
		return photos;
	}

	private static Rejected refused(String message) {
		return new Rejected(message, Map.of("photos", message));
	}

}
