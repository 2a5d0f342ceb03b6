package org.fangfei.app.tip;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Writing and listing a tip's cleaned attachments. */
final class TipAttachments {

	/** An attachment as listed to staff, with what was done to it in Chinese. */
	record Listed(long id, String fileName, String contentType, int sizeBytes, String cleaning) {
	}

	record Content(String fileName, String contentType, byte[] bytes) {
	}

	private TipAttachments() {
	}

	static void store(JdbcClient jdbc, long tipId, List<TipFiles.Cleaned> files) {
		long existing = jdbc.sql("select count(*) from tip_attachment where tip_id = :t")
			.param("t", tipId)
			.query(Long.class)
			.single();
		if (existing + files.size() > TipFiles.MAX_FILES * 2L) {
			throw TipFiles.refused("每条举报最多" + TipFiles.MAX_FILES * 2 + "个附件");
		}
		int n = (int) existing + 1;
		for (TipFiles.Cleaned file : files) {
			String name = file.fileName().replaceFirst("^附件[0-9]+", "附件" + n++);
			jdbc.sql("""
					insert into tip_attachment (tip_id, file_name, content_type, size_bytes, content, cleaning)
					values (:t, :name, :type, :size, :content, :cleaning)
					""")
				.param("t", tipId)
				.param("name", name)
				.param("type", file.contentType())
				.param("size", file.bytes().length)
				.param("content", file.bytes())
				.param("cleaning", file.cleaning().name())
				.update();
		}
	}

	static List<Listed> of(JdbcClient jdbc, long tipId) {
		return jdbc.sql("""
				select id, file_name, content_type, size_bytes, cleaning from tip_attachment
				where tip_id = :t order by id""")
			.param("t", tipId)
			.query((rs, n) -> new Listed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					Cleaning.labelOf(rs.getString(5), rs.getString(3))))
			.list();
	}

}
