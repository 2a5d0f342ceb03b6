package org.fangfei.app.campaign;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plans units file under a campaign (004's 1+N+3: one county plan, a plan from each
 * member unit and each township): text and an optional attachment, reviewed by the office
 * — accepted, or returned with a reason and filed again.
 */
@Service
class UnitPlans {

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final AuditLog audit;

	UnitPlans(JdbcClient jdbc, Campaigns campaigns, AuditLog audit) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.audit = audit;
	}

	/** A filed plan. */
	record Plan(long id, String unitKey, String unitName, String body, String fileName, String cleaning, String status,
			String reviewNote, String filedBy, OffsetDateTime filedAt, String reviewedBy) {

		public String statusLabel() {
			return switch (this.status) {
				case "ACCEPTED" -> "已审核通过";
				case "RETURNED" -> "已退回";
				default -> "待审核";
			};
		}

	}

	@Transactional(readOnly = true)
	List<Plan> of(long campaignId, Actor actor) {
		this.campaigns.get(campaignId, actor);
		String mine = Campaigns.manages(actor) ? null : UnitKey.ofActor(actor);
		return this.jdbc
			.sql("""
					select * from campaign_plan where campaign_id = :c and (cast(:mine as varchar) is null or unit_key = :mine)
					order by filed_at
					""")
			.param("c", campaignId)
			.param("mine", mine)
			.query((rs, n) -> new Plan(rs.getLong("id"), rs.getString("unit_key"), rs.getString("unit_name"),
					rs.getString("body"), rs.getString("file_name"), rs.getString("cleaning"), rs.getString("status"),
					rs.getString("review_note"), rs.getString("filed_by"),
					Times.local(rs.getObject("filed_at", OffsetDateTime.class)), rs.getString("reviewed_by")))
			.list();
	}

	/** Files the caller's unit's plan, or files it again after it was returned. */
	@Transactional
	long file(long campaignId, String body, Attachment attachment, Actor actor) {
		if (!actor.can(Progress.REPORT)) {
			throw new AccessDeniedException("无权报送行动方案");
		}
		Campaign c = this.campaigns.get(campaignId, actor);
		String mine = UnitKey.ofActor(actor);
		UnitKey.Named unit = c.units()
			.stream()
			.filter(u -> u.key().equals(mine))
			.findFirst()
			.orElseThrow(() -> new Rejected("本单位不承担该行动的任务，无需报送方案"));
		if (body == null || body.isBlank()) {
			throw new Rejected("请填写方案内容", Map.of("body", "请填写方案内容"));
		}
		if (body.strip().length() > 8000) {
			throw new Rejected("方案内容不能超过8000个字", Map.of("body", "方案内容过长"));
		}
		String status = this.jdbc.sql("select status from campaign_plan where campaign_id = :c and unit_key = :k")
			.param("c", campaignId)
			.param("k", mine)
			.query(String.class)
			.optional()
			.orElse(null);
		if (status != null && !status.equals("RETURNED")) {
			throw new Rejected("本单位方案已报送，退回后才能重新报送");
		}
		this.jdbc.sql("delete from campaign_plan where campaign_id = :c and unit_key = :k")
			.param("c", campaignId)
			.param("k", mine)
			.update();
		long id = this.jdbc.sql("""
				insert into campaign_plan (campaign_id, unit_key, unit_name, body, file_name, content_type, content,
				  cleaning, filed_by, filed_at)
				values (:c, :k, :n, :b, :fn, :ct, :content, :cl, :by, :at) returning id
				""")
			.param("c", campaignId)
			.param("k", mine)
			.param("n", unit.name())
			.param("b", body.strip())
			.param("fn", attachment == null ? null : attachment.fileName())
			.param("ct", attachment == null ? null : attachment.contentType())
			.param("content", attachment == null ? null : attachment.bytes())
			.param("cl", attachment == null ? null : attachment.cleaning())
			.param("by", actor.username())
			.param("at", Times.now())
			.query(Long.class)
			.single();
		this.audit.success("CAMPAIGN_PLAN", "campaign", campaignId, unit.name() + " 报送行动方案", null, null);
		return id;
	}

	/** The office accepts a plan or returns it with a reason. */
	@Transactional
	void review(long campaignId, long planId, boolean accept, String note, Actor actor) {
		this.campaigns.editable(campaignId, actor);
		String status = this.jdbc.sql("select status from campaign_plan where id = :p and campaign_id = :c")
			.param("p", planId)
			.param("c", campaignId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFound("行动方案"));
		if (!status.equals("FILED")) {
			throw new Rejected("该方案已审核");
		}
		if (!accept && (note == null || note.isBlank())) {
			throw new Rejected("退回须填写理由", Map.of("note", "请填写退回理由"));
		}
		if (note != null && note.strip().length() > 500) {
			throw new Rejected("审核意见不能超过500个字", Map.of("note", "审核意见过长"));
		}
		this.jdbc
			.sql("""
					update campaign_plan set status = :s, review_note = :n, reviewed_by = :by, reviewed_at = :at where id = :p
					""")
			.param("s", accept ? "ACCEPTED" : "RETURNED")
			.param("n", Campaigns.blankToNull(note))
			.param("by", actor.username())
			.param("at", Times.now())
			.param("p", planId)
			.update();
		this.audit.success("CAMPAIGN_PLAN_REVIEW", "campaign", campaignId, (accept ? "审核通过" : "退回") + "行动方案", null,
				null);
	}

	@Transactional(readOnly = true)
	Attachment file(long campaignId, long planId, Actor actor) {
		List<Plan> visible = of(campaignId, actor);
		if (visible.stream().noneMatch(p -> p.id() == planId)) {
			throw new NotFound("行动方案");
		}
		return this.jdbc.sql(
				"select file_name, content_type, content, cleaning from campaign_plan where id = :p and content is not null")
			.param("p", planId)
			.query((rs, n) -> new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4)))
			.optional()
			.orElseThrow(() -> new NotFound("附件"));
	}

}
