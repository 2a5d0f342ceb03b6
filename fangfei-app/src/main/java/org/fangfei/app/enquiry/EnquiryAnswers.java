package org.fangfei.app.enquiry;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.FileType;
import org.fangfei.app.shared.Images;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bank's answers to an approved enquiry or freeze (回执, 反馈函): a PDF or a scan, checked
 * by its first bytes; a picture is re-encoded upright without its metadata, as every
 * upload is. The statements themselves are not kept ({@link Statements}).
 */
@Service
class EnquiryAnswers {

	static final int MAX_BYTES = 10 * 1024 * 1024;

	static final int MAX_PER_ENQUIRY = 20;

	private static final Set<FileType> ACCEPTED = EnumSet.of(FileType.PDF, FileType.JPEG, FileType.PNG);

	/** An answer file as listed. */
	public record Answer(long id, String fileName, String contentType, String cleaning, String uploadedBy,
			OffsetDateTime uploadedAt) {
	}

	/** A stored answer's content. */
	public record Content(String fileName, String contentType, byte[] bytes) {
	}

	private final JdbcClient jdbc;

	private final Enquiries enquiries;

	private final AuditLog audit;

	EnquiryAnswers(JdbcClient jdbc, Enquiries enquiries, AuditLog audit) {
		this.jdbc = jdbc;
		this.enquiries = enquiries;
		this.audit = audit;
	}

	@Transactional
	long attach(long enquiryId, String fileName, byte[] bytes, Actor actor) {
		if (!actor.can(Statements.LOAD)) {
			throw new AccessDeniedException("无权登记银行回执");
		}
		Enquiries.Enquiry e = this.enquiries.get(enquiryId, actor.scope());
		if (!e.approved()) {
			throw new Rejected("只有已批准的查询或冻结才能登记银行回执");
		}
		if (bytes == null || bytes.length == 0) {
			throw new Rejected("请选择银行回执文件", Map.of("file", "请选择文件"));
		}
		if (bytes.length > MAX_BYTES) {
			throw new Rejected("回执文件不能超过 10 MB", Map.of("file", "文件过大"));
		}
		FileType kind = FileType.of(bytes);
		String name = fileName == null || fileName.isBlank() ? "回执" : fileName.strip();
		name = name.length() > 200 ? name.substring(name.length() - 200) : name;
		if (!ACCEPTED.contains(kind)) {
			throw new Rejected("银行回执只能是 PDF 或 JPG、PNG 图片(按文件内容判断)", Map.of("file", "文件类型不支持"));
		}
		long count = this.jdbc.sql("select count(*) from enquiry_answer where enquiry_id = :e")
			.param("e", enquiryId)
			.query(Long.class)
			.single();
		if (count >= MAX_PER_ENQUIRY) {
			throw new Rejected("每项查询最多 " + MAX_PER_ENQUIRY + " 份回执", Map.of("file", "回执已达上限"));
		}
		byte[] stored = bytes;
		String cleaning = "按内容核对为 PDF";
		if (Images.readable(kind)) {
			var re = Images.reencoded(bytes, 4000, Images.MAX_PIXELS, "图片“" + name + "”", "file");
			stored = re.bytes();
			cleaning = "图片已重新编码，去除拍摄信息";
		}
		long id = this.jdbc.sql("""
				insert into enquiry_answer (enquiry_id, file_name, content_type, content, cleaning, uploaded_by)
				values (:e, :n, :t, :c, :cl, :by) returning id
				""")
			.param("e", enquiryId)
			.param("n", name)
			.param("t", kind.mediaType(name))
			.param("c", stored)
			.param("cl", cleaning)
			.param("by", actor.username())
			.query(Long.class)
			.single();
		this.audit.success("ENQUIRY_ANSWER", "enquiry", enquiryId, "登记银行回执 " + name, null, null);
		return id;
	}

	List<Answer> of(long enquiryId) {
		return this.jdbc.sql("""
				select id, file_name, content_type, cleaning, uploaded_by, uploaded_at from enquiry_answer
				where enquiry_id = :e order by id
				""")
			.param("e", enquiryId)
			.query((rs, n) -> new Answer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
			.list();
	}

	Content content(long enquiryId, long answerId) {
		return this.jdbc.sql("""
				select file_name, content_type, content from enquiry_answer where id = :id and enquiry_id = :e
				""")
			.param("id", answerId)
			.param("e", enquiryId)
			.query((rs, n) -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional()
			.orElseThrow(() -> new NotFound("回执"));
	}

}
