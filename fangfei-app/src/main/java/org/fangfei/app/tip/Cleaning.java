package org.fangfei.app.tip;

/**
 * What was done to an attachment before it was stored, shown to staff beside it so the
 * page claims no more than what happened. Stored by name in
 * {@code tip_attachment.cleaning}; attachments stored before it was recorded have none.
 */
enum Cleaning {

	PHOTO("照片已重新生成，位置等信息已清除"),

	DOCUMENT("文档已重新生成，已去除作者、批注、修订记录、自定义数据，内嵌图片已重新生成"),

	AUDIO("录音只保留音频数据，标签等信息已去除");

	private final String label;

	Cleaning(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

	/**
	 * The label of a stored attachment; {@code null} for one stored before the cleaning
	 * was recorded, which was cleaned less (see docs/tips.md) and is labelled by what was
	 * done to its type then.
	 */
	static String labelOf(String stored, String contentType) {
		if (stored != null) {
			return valueOf(stored).label();
		}
		if (contentType.startsWith("image/")) {
			return PHOTO.label();
		}
		if (contentType.equals("audio/mpeg")) {
			return "早期上传：仅去除了ID3标签，可能仍含有身份信息";
		}
		if (contentType.contains("wordprocessingml")) {
			return "早期上传：仅清除了文档属性(作者、公司)，批注、修订记录、内嵌图片等可能仍含有身份信息";
		}
		return "早期上传：未清理，可能含有身份信息";
	}

}
