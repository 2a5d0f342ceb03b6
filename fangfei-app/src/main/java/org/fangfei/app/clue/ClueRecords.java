package org.fangfei.app.clue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.FieldCipher;
import org.fangfei.app.shared.FileType;
import org.fangfei.app.shared.Images;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is kept on a clue besides its state: verification reports, disposal measures,
 * attachments, the meetings that discussed it, and the informant's contact — revealed
 * only with a reason, and every reveal written to the timeline and the audit log.
 */
@Component
class ClueRecords {

	/** The largest attachment: 10 MB. */
	static final int MAX_BYTES = 10 * 1024 * 1024;

	/** The most attachments on one clue. */
	static final int MAX_PER_CLUE = 30;

	/**
	 * The longest side a picture is stored with: a 12-megapixel phone photo keeps its
	 * size.
	 */
	static final int MAX_PICTURE_SIDE = 4096;

	/**
	 * What a clue may carry, by content: pictures, PDF, and Word or Excel (new or old)
	 * under a name that says which.
	 */
	private static final Set<FileType> ATTACHABLE = EnumSet.of(FileType.JPEG, FileType.PNG, FileType.PDF, FileType.ZIP,
			FileType.OLE);

	/** A verification report, with the figures it verified ("" and null when none). */
	record Verification(String investigators, LocalDate visitedOn, String findings, String recordedBy,
			OffsetDateTime recordedAt, String amount, Integer peopleCount) {
	}

	record Measure(MeasureKind kind, LocalDate takenOn, String docNumber, String amount, String result,
			String recordedBy) {
	}

	record Attachment(long id, String stage, String fileName, String contentType, int sizeBytes, String uploadedBy,
			OffsetDateTime uploadedAt) {
	}

	record Content(String fileName, String contentType, byte[] bytes) {
	}

	record Discussed(long meetingId, String title, LocalDate heldOn, Determination determination, String note) {
	}

	record Informant(String name, String phone) {
	}

	private final JdbcClient jdbc;

	private final Clues clues;

	private final FieldCipher cipher;

	private final AuditLog audit;

	ClueRecords(JdbcClient jdbc, Clues clues, FieldCipher cipher, AuditLog audit) {
		this.jdbc = jdbc;
		this.clues = clues;
		this.cipher = cipher;
		this.audit = audit;
	}

	List<Verification> verifications(long clueId) {
		return this.jdbc.sql("select * from clue_verification where clue_id = :c order by id")
			.param("c", clueId)
			.query((rs, n) -> new Verification(rs.getString("investigators"),
					rs.getObject("visited_on", LocalDate.class), rs.getString("findings"), rs.getString("recorded_by"),
					Times.local(rs.getObject("recorded_at", OffsetDateTime.class)),
					Money.yuan(rs.getObject("amount_fen", Long.class)), rs.getObject("people_count", Integer.class)))
			.list();
	}

	List<Measure> measures(long clueId) {
		return this.jdbc.sql("select * from clue_measure where clue_id = :c order by id")
			.param("c", clueId)
			.query((rs, n) -> new Measure(MeasureKind.valueOf(rs.getString("kind")),
					rs.getObject("taken_on", LocalDate.class), rs.getString("doc_number"),
					Money.yuan((Long) rs.getObject("amount_fen")), rs.getString("result"), rs.getString("recorded_by")))
			.list();
	}

	List<Attachment> attachments(long clueId) {
		return this.jdbc.sql("""
				select id, stage, file_name, content_type, size_bytes, uploaded_by, uploaded_at
				from clue_attachment where clue_id = :c order by id
				""")
			.param("c", clueId)
			.query((rs, n) -> new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getInt(5), rs.getString(6), Times.local(rs.getObject(7, OffsetDateTime.class))))
			.list();
	}

	List<Discussed> meetingsOf(long clueId) {
		return this.jdbc.sql("""
				select m.id, m.title, m.held_on, mc.determination, mc.note from meeting_clue mc
				join meeting m on m.id = mc.meeting_id where mc.clue_id = :c order by m.held_on, m.id
				""")
			.param("c", clueId)
			.query((rs, n) -> new Discussed(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					Determination.valueOf(rs.getString(4)), rs.getString(5)))
			.list();
	}

	/**
	 * Stores an attachment after checking its real type by its first bytes; a picture is
	 * stored upright and without its metadata (EXIF with the place it was taken), as
	 * {@link Images} re-encodes it. The stage is the clue's state when it was added.
	 */
	@Transactional
	long attach(long clueId, String fileName, byte[] bytes, Actor actor) {
		Clue clue = this.clues.load(clueId, actor);
		if (bytes == null || bytes.length == 0) {
			throw new Rejected("请选择要上传的文件", Map.of("file", "请选择文件"));
		}
		if (bytes.length > MAX_BYTES) {
			throw new Rejected("附件不能超过 10 MB", Map.of("file", "附件不能超过 10 MB"));
		}
		String name = safeName(fileName);
		FileType kind = FileType.of(bytes);
		String type = ATTACHABLE.contains(kind) ? kind.mediaType(name) : null;
		if (type == null) {
			throw new Rejected("只能上传 JPG、PNG 图片或 PDF、Word、Excel 文件(按文件内容判断)", Map.of("file", "文件类型不支持"));
		}
		long count = this.jdbc.sql("select count(*) from clue_attachment where clue_id = :c")
			.param("c", clueId)
			.query(Long.class)
			.single();
		if (count >= MAX_PER_CLUE) {
			throw new Rejected("每条线索最多 " + MAX_PER_CLUE + " 个附件", Map.of("file", "附件已达上限"));
		}
		byte[] stored = !Images.readable(kind) ? bytes
				: Images.reencoded(bytes, MAX_PICTURE_SIDE, Images.MAX_PIXELS, "图片“" + name + "”", "file").bytes();
		long id = this.jdbc.sql("""
				insert into clue_attachment (clue_id, stage, file_name, content_type, size_bytes, content, uploaded_by)
				values (:c, :stage, :name, :type, :size, :content, :by) returning id
				""")
			.param("c", clueId)
			.param("stage", clue.state().name())
			.param("name", name)
			.param("type", type)
			.param("size", stored.length)
			.param("content", stored)
			.param("by", actor.username())
			.query(Long.class)
			.single();
		this.clues.event(clueId, actor, "附件", null, null, "上传附件“" + name + "”(" + stored.length / 1024 + " KB)");
		this.audit.success("CLUE_ATTACH", "clue", clueId, clue.code() + " 上传附件 " + name, null, null);
		return id;
	}

	/**
	 * Attaches the evidence another module handed over with the clue it raised (a tip's
	 * attachments, a patrol's photos), already cleaned by that module; one timeline entry
	 * says where they came from. Files beyond the clue's limit of {@value #MAX_PER_CLUE},
	 * empty ones and ones over {@value #MAX_BYTES} bytes are left with their owner, so
	 * the clue never refuses what raised it. Returns how many were attached.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	int attachEvidence(long clueId, List<Evidence> files, String from, Actor actor) {
		if (files.isEmpty()) {
			return 0;
		}
		ClueState state = ClueState.valueOf(
				this.jdbc.sql("select state from clue where id = :c").param("c", clueId).query(String.class).single());
		long count = this.jdbc.sql("select count(*) from clue_attachment where clue_id = :c")
			.param("c", clueId)
			.query(Long.class)
			.single();
		String by = "system".equals(actor.username()) ? actor.displayName() : actor.username();
		int attached = 0;
		for (Evidence file : files) {
			if (count + attached >= MAX_PER_CLUE || file.bytes() == null || file.bytes().length == 0
					|| file.bytes().length > MAX_BYTES) {
				continue;
			}
			this.jdbc
				.sql("""
						insert into clue_attachment (clue_id, stage, file_name, content_type, size_bytes, content, uploaded_by)
						values (:c, :stage, :name, :type, :size, :content, :by)
						""")
				.param("c", clueId)
				.param("stage", state.name())
				.param("name", safeName(file.fileName()))
				.param("type", file.contentType())
				.param("size", file.bytes().length)
				.param("content", file.bytes())
				.param("by", by.length() > 40 ? by.substring(0, 40) : by)
				.update();
			attached++;
		}
		if (attached > 0) {
			this.clues.event(clueId, actor, "附件", null, null, from + "附带 " + attached + " 个附件(已去除拍摄位置等身份信息)");
		}
		return attached;
	}

	@Transactional(readOnly = true)
	Content content(long clueId, long attachmentId, Actor actor) {
		this.clues.load(clueId, actor);
		return this.jdbc.sql("""
				select file_name, content_type, content from clue_attachment where id = :a and clue_id = :c
				""")
			.param("a", attachmentId)
			.param("c", clueId)
			.query((rs, n) -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional()
			.orElseThrow(() -> new NotFound("附件"));
	}

	/**
	 * The informant's name and phone in clear, for a stated reason; written to the
	 * timeline and audit log.
	 */
	@Transactional
	Informant revealInformant(long clueId, String reason, Actor actor) {
		if (reason == null || reason.strip().length() < 2 || reason.length() > 200) {
			throw new Rejected("查看线索提供人信息须填写事由(2–200 字)", Map.of("reason", "请填写事由"));
		}
		Clue clue = this.clues.load(clueId, actor);
		Map<String, Object> row = this.jdbc
			.sql("select informant_name_enc, informant_phone_enc from clue where id = :id")
			.param("id", clueId)
			.query()
			.singleRow();
		byte[] name = (byte[]) row.get("informant_name_enc");
		byte[] phone = (byte[]) row.get("informant_phone_enc");
		if (name == null && phone == null) {
			throw new Rejected("该线索没有登记提供人信息");
		}
		this.clues.event(clueId, actor, "查看敏感信息", null, null, "查看线索提供人联系方式。事由：" + reason.strip());
		this.audit.success("CLUE_REVEAL", "clue", clueId, clue.code() + " 查看线索提供人联系方式，事由：" + reason.strip(), null,
				null);
		return new Informant(name == null ? "" : this.cipher.decrypt(name, "clue.informant_name:" + clueId),
				phone == null ? "" : this.cipher.decrypt(phone, "clue.informant_phone:" + clueId));
	}

	private static String safeName(String fileName) {
		String name = fileName == null ? "" : fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
		if (name.isEmpty()) {
			name = "附件";
		}
		return name.length() > 150 ? name.substring(name.length() - 150) : name;
	}

}
