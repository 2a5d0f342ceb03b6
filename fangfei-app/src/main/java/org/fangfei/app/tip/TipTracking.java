package org.fangfei.app.tip;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.fangfei.app.clue.ClueIntake;
import org.fangfei.app.clue.Evidence;
import org.fangfei.app.notification.Inbox;
import org.fangfei.app.notification.NoticeKind;
import org.fangfei.app.notification.Recipient;
import org.fangfei.app.shared.BlindIndex;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the holder of a tracking code may see and do: the coarse status, the messages
 * addressed to them, and adding information. The code is looked up by its keyed hash
 * only.
 */
@Service
class TipTracking {

	record Tracked(long tipId, OffsetDateTime sentAt, TipStatus status, List<TipMessage> messages) {
	}

	private final JdbcClient jdbc;

	private final BlindIndex index;

	private final ClueIntake clues;

	private final Inbox inbox;

	TipTracking(JdbcClient jdbc, BlindIndex index, ClueIntake clues, Inbox inbox) {
		this.jdbc = jdbc;
		this.index = index;
		this.clues = clues;
		this.inbox = inbox;
	}

	/** The tip id for a code as typed, if it is one. */
	Optional<Long> find(String typed) {
		String code = TrackingCode.normalise(typed);
		if (code == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("select id from tip where tracking_hash = :h")
			.param("h", this.index.of(TipIntake.TRACKING, code))
			.query(Long.class)
			.optional();
	}

	@Transactional(readOnly = true)
	Tracked status(long tipId) {
		return this.jdbc.sql("select created_at, clue_progress from tip where id = :id")
			.param("id", tipId)
			.query((rs, n) -> new Tracked(tipId, Times.local(rs.getObject(1, OffsetDateTime.class)),
					TipStatus.of(rs.getString(2)), messages(tipId)))
			.single();
	}

	List<TipMessage> messages(long tipId) {
		return this.jdbc
			.sql("select id, direction, body, created_at, clue_version from tip_message where tip_id = :t order by id")
			.param("t", tipId)
			.query((rs, n) -> new TipMessage(rs.getLong(1), rs.getString(2).equals("TO_REPORTER"), rs.getString(3),
					Times.local(rs.getObject(4, OffsetDateTime.class)), rs.getObject(5) != null))
			.list();
	}

	/**
	 * The reporter adds information (and attachments) to their tip; the county's office
	 * gets a notice (the tip's page, never who reported).
	 */
	@Transactional
	void addInformation(long tipId, String text, List<TipFiles.Cleaned> files) {
		String body = text == null ? "" : text.strip();
		if (body.length() < 2 && files.isEmpty()) {
			throw new Rejected("请填写要补充的情况或选择附件", java.util.Map.of("more", "请填写补充内容"));
		}
		if (body.length() > 2000) {
			throw new Rejected("补充内容不能超过2000字", java.util.Map.of("more", "补充内容不能超过2000字"));
		}
		TipAttachments.store(this.jdbc, tipId, files);
		if (!files.isEmpty()) {
			// the evidence follows the clue the tip is part of (the one it was merged
			// into)
			this.jdbc.sql("select clue_root_id from tip where id = :t and clue_root_id is not null")
				.param("t", tipId)
				.query(Long.class)
				.optional()
				.ifPresent(clue -> TipIntake.asSystem(() -> this.clues.attachEvidence(clue,
						TipIntake.evidence(files, 1)
							.stream()
							.map(e -> new Evidence(e.fileName().replace("举报附件", "举报补充附件"), e.contentType(), e.bytes()))
							.toList(),
						"举报人补充", TipIntake.PORTAL)));
		}
		String message = body.isEmpty() ? "(补充了" + files.size() + "个附件)" : body;
		long messageId = this.jdbc
			.sql("""
					insert into tip_message (tip_id, direction, body, created_by) values (:t, 'FROM_REPORTER', :b, 'reporter')
					returning id
					""")
			.param("t", tipId)
			.param("b", message)
			.query(Long.class)
			.single();
		String region = this.jdbc.sql("select region_code from tip where id = :t")
			.param("t", tipId)
			.query(String.class)
			.single();
		this.inbox.post(NoticeKind.INFO, Recipient.role("OFFICE", region.substring(0, 6)), "举报人补充了情况：举报 #" + tipId,
				message.length() > 200 ? message.substring(0, 199) + "…" : message, "/tips/" + tipId,
				"tip:" + tipId + ":more:" + messageId);
	}

}
