package org.fangfei.app.petition;

import java.time.LocalDate;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.calendar.WorkCalendar;
import org.fangfei.app.notification.Inbox;
import org.fangfei.app.notification.NoticeKind;
import org.fangfei.app.notification.Recipient;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering petitions and every move on them, each in one transaction with its timeline
 * line, its audit entry and the inbox of whoever must act next: the handling unit is told
 * to accept (15 working days) and then to finish (60); a collective petition or one that
 * reached the province or Beijing is also brought to the leaders of the county.
 */
@Service
class PetitionDesk {

	/** A move's input, with the version the user saw; each move reads what it needs. */
	record MoveInput(Integer version, LocalDate on, String note, String reason, Integer days, String reply,
			Satisfaction satisfaction) {
	}

	private final JdbcClient jdbc;

	private final Petitions petitions;

	private final PetitionRules rules;

	private final Identity identity;

	private final WorkCalendar calendar;

	private final Inbox inbox;

	private final AuditLog audit;

	PetitionDesk(JdbcClient jdbc, Petitions petitions, PetitionRules rules, Identity identity, WorkCalendar calendar,
			Inbox inbox, AuditLog audit) {
		this.jdbc = jdbc;
		this.petitions = petitions;
		this.rules = rules;
		this.identity = identity;
		this.calendar = calendar;
		this.inbox = inbox;
		this.audit = audit;
	}

	static String acceptKey(long id) {
		return "petition:" + id + ":accept";
	}

	static String finishKey(long id) {
		return "petition:" + id + ":finish";
	}

	static String overdueKey(long id, PetitionStatus status) {
		return "petition:" + id + ":overdue:" + status.name();
	}

	/** Registers a petition; returns its id. */
	@Transactional
	long register(PetitionForm form, Actor actor) {
		Petitions.need(actor);
		LocalDate today = Times.today();
		PetitionRules.Checked c = this.rules.check(form, actor.scope(), today);
		LocalDate acceptDue = PetitionDeadlines.acceptBy(this.calendar.current(), form.receivedOn());
		String region = form.regionCode().strip();
		long id = this.jdbc
			.sql("""
					insert into petition (code, channel, received_on, region_code, sector_code, level_reached, petitioners_count,
					  collective, case_id, subject_id, request, accept_due_on, created_by)
					values ('XF' || to_char(now(), 'YYYY') || lpad(nextval('petition_code_seq')::text, 5, '0'), :channel, :received,
					  :region, :sector, :level, :count, :collective, :case, :subject, :request, :due, :by)
					returning id
					""")
			.param("channel", form.channel().name())
			.param("received", form.receivedOn())
			.param("region", region)
			.param("sector", c.sectorCode())
			.param("level", form.levelReached().name())
			.param("count", form.petitionersCount())
			.param("collective", c.collective())
			.param("case", form.caseId())
			.param("subject", form.subjectId())
			.param("request", form.request().strip())
			.param("due", acceptDue)
			.param("by", actor.username())
			.query(Long.class)
			.single();
		for (PetitionRules.Person p : c.petitioners()) {
			long pid = this.jdbc.sql("select nextval('petition_petitioner_id_seq')").query(Long.class).single();
			this.jdbc
				.sql("""
						insert into petition_petitioner (id, petition_id, name, id_number_enc, id_number_idx, id_number_masked,
						  phone_enc, phone_idx, phone_masked)
						values (:id, :petition, :name, :idEnc, :idIdx, :idMasked, :phoneEnc, :phoneIdx, :phoneMasked)
						""")
				.params(this.identity.store("petition_petitioner", pid, p.idNumber(), p.phone()).params())
				.param("id", pid)
				.param("petition", id)
				.param("name", p.name())
				.update();
		}
		String code = code(id);
		String who = c.petitioners().get(0).name()
				+ (form.petitionersCount() > 1 ? "等 " + form.petitionersCount() + " 人" : "");
		this.petitions.event(id, actor, "登记",
				form.channel().label() + "，" + who + (c.collective() ? "（集体访）" : "") + "，到达层级 "
						+ form.levelReached().label() + (c.caseCode() == null ? "" : "，关联案件 " + c.caseCode())
						+ "，受理告知期限 " + acceptDue);
		this.inbox.post(NoticeKind.ASSIGNED, Recipient.unit(Petitions.handlingUnit(region)), "信访件待受理：" + code,
				who + "反映：" + abbreviate(form.request()) + "。请于 " + acceptDue + " 前决定是否受理并告知信访人。", "/petitions/" + id,
				acceptKey(id));
		if (c.collective() || form.levelReached() == LevelReached.PROVINCE
				|| form.levelReached() == LevelReached.BEIJING) {
			this.inbox.post(NoticeKind.INFO, Recipient.role("LEADER", region.substring(0, 6)),
					(c.collective() ? "集体访" : "越级访") + "提示：" + code,
					who + "，到达层级 " + form.levelReached().label() + "：" + abbreviate(form.request()), "/petitions/" + id,
					"petition:" + id + ":leaders");
		}
		this.audit.success("PETITION_REGISTER", "petition", id, "登记信访件 " + code + (c.collective() ? "（集体访）" : ""), null,
				null);
		return id;
	}

	/** One move on a petition; the inbox follows. */
	@Transactional
	void move(long id, Petition.Move move, MoveInput in, Actor actor) {
		if (move == null) {
			throw new Rejected("未知的办理操作");
		}
		Petition p = this.petitions.forChange(id, in.version(), actor);
		PetitionStatus before = p.status();
		LocalDate today = Times.today();
		switch (move) {
			case ACCEPT -> p.accept(in.on(), in.note(), today, this.calendar.current());
			case REFUSE -> p.refuse(in.on(), in.reason(), today);
			case EXTEND -> p.extend(in.days(), in.reason(), today, this.calendar.current());
			case REPLY -> p.reply(in.on(), in.reply(), today);
			case RATE -> p.rate(in.satisfaction(), in.note());
		}
		this.petitions.save(p, before, actor);
		String unit = Petitions.handlingUnit(p.regionCode());
		if (before == PetitionStatus.RECEIVED) {
			this.inbox.resolve(acceptKey(id));
			this.inbox.resolve(overdueKey(id, PetitionStatus.RECEIVED));
		}
		if (move == Petition.Move.ACCEPT) {
			this.inbox.post(NoticeKind.ASSIGNED, Recipient.unit(unit), "信访件待办结：" + p.code(),
					"已受理，请于 " + p.finishDueOn() + " 前办结并书面答复信访人。", "/petitions/" + id, finishKey(id));
		}
		if (move == Petition.Move.REPLY) {
			this.inbox.resolve(finishKey(id));
			this.inbox.resolve(overdueKey(id, PetitionStatus.ACCEPTED));
		}
		this.audit.success(
				move == Petition.Move.ACCEPT ? "PETITION_ACCEPT"
						: move == Petition.Move.REFUSE ? "PETITION_REFUSE"
								: move == Petition.Move.EXTEND ? "PETITION_EXTEND"
										: move == Petition.Move.REPLY ? "PETITION_REPLY" : "PETITION_RATE",
				"petition", id, p.code() + " " + before.label() + " → " + p.status().label(), null, null);
	}

	private String code(long id) {
		return this.jdbc.sql("select code from petition where id = :id").param("id", id).query(String.class).single();
	}

	static String abbreviate(String text) {
		String s = text.strip();
		return s.length() > 60 ? s.substring(0, 60) + "…" : s;
	}

}
