package org.fangfei.app.petition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.calendar.WorkingDays;
import org.fangfei.app.shared.Rejected;

/**
 * A petition as its moves see it. It decides every move — accept and tell, refuse, extend
 * once, reply, record the petitioner's satisfaction — by its status and the deadlines of
 * {@link PetitionDeadlines}, and remembers the timeline lines the move must write, which
 * {@link Petitions#save} writes with a version check. No framework in here.
 */
final class Petition {

	/** A move, named as the API and the audit log name it. */
	enum Move {

		ACCEPT, REFUSE, EXTEND, REPLY, RATE

	}

	private final long id;

	private final String code;

	private final String regionCode;

	private final LocalDate receivedOn;

	private final LocalDate acceptDueOn;

	private final int version;

	private PetitionStatus status;

	private LocalDate acceptedOn;

	private String notAcceptedReason;

	private LocalDate finishDueOn;

	private Integer extensionDays;

	private String extensionReason;

	private LocalDate repliedOn;

	private String reply;

	private Satisfaction satisfaction;

	private final List<String[]> newEvents = new ArrayList<>();

	Petition(long id, String code, String regionCode, PetitionStatus status, LocalDate receivedOn,
			LocalDate acceptDueOn, LocalDate acceptedOn, LocalDate finishDueOn, Integer extensionDays, int version) {
		this.id = id;
		this.code = code;
		this.regionCode = regionCode;
		this.status = status;
		this.receivedOn = receivedOn;
		this.acceptDueOn = acceptDueOn;
		this.acceptedOn = acceptedOn;
		this.finishDueOn = finishDueOn;
		this.extensionDays = extensionDays;
		this.version = version;
	}

	/** 受理并告知: the petition is taken in; the 60 working days start. */
	void accept(LocalDate on, String note, LocalDate today, WorkingDays days) {
		need(PetitionStatus.RECEIVED, "受理");
		checkDate(on, this.receivedOn, "收到", today);
		this.status = PetitionStatus.ACCEPTED;
		this.acceptedOn = on;
		this.finishDueOn = PetitionDeadlines.finishBy(days, on);
		String late = on.isAfter(this.acceptDueOn) ? "（超过受理告知期限 " + this.acceptDueOn + "）" : "";
		this.newEvents
			.add(new String[] { "受理告知", on + " 受理并告知信访人" + late + "，办结期限 " + this.finishDueOn + optional(note, "：") });
	}

	/** 不予受理: with the reason the petitioner is told. */
	void refuse(LocalDate on, String reason, LocalDate today) {
		need(PetitionStatus.RECEIVED, "不予受理");
		checkDate(on, this.receivedOn, "收到", today);
		String why = text(reason, "reason", "不予受理的理由（将告知信访人）", 1000);
		this.status = PetitionStatus.NOT_ACCEPTED;
		this.notAcceptedReason = why;
		this.newEvents.add(new String[] { "不予受理", on + " 不予受理并告知信访人：" + why });
	}

	/** Extends the finishing deadline once ({@link OneExtensionOfUpToThirtyDays}). */
	void extend(Integer days, String reason, LocalDate today, WorkingDays calendar) {
		OneExtensionOfUpToThirtyDays.check(this.status, this.extensionDays, this.finishDueOn, days, reason, today);
		LocalDate before = this.finishDueOn;
		this.extensionDays = days;
		this.extensionReason = reason.strip();
		this.finishDueOn = PetitionDeadlines.extendedTo(calendar, before, days);
		this.newEvents.add(new String[] { "延期",
				"办结期限由 " + before + " 延长 " + days + " 个工作日至 " + this.finishDueOn + "：" + this.extensionReason });
	}

	/** 答复: the written reply on the matter. */
	void reply(LocalDate on, String text, LocalDate today) {
		need(PetitionStatus.ACCEPTED, "答复");
		checkDate(on, this.acceptedOn, "受理", today);
		this.reply = text(text, "reply", "答复意见", 2000);
		this.status = PetitionStatus.REPLIED;
		this.repliedOn = on;
		String late = on.isAfter(this.finishDueOn) ? "（超过办结期限 " + this.finishDueOn + "）" : "";
		this.newEvents.add(new String[] { "答复", on + " 书面答复信访人" + late + "：" + this.reply });
	}

	/** The petitioner's satisfaction with the reply; the petition is finished. */
	void rate(Satisfaction how, String note) {
		need(PetitionStatus.REPLIED, "记录满意度");
		if (how == null) {
			throw new Rejected("请选择信访人的评价", Map.of("satisfaction", "请选择信访人的评价"));
		}
		String more = note == null || note.isBlank() ? null : text(note, "note", "说明", 500);
		this.satisfaction = how;
		this.status = PetitionStatus.CLOSED;
		this.newEvents.add(new String[] { "评价", "信访人评价：" + how.label() + optional(more, "，") });
	}

	private void need(PetitionStatus expected, String what) {
		if (this.status != expected) {
			throw new Rejected("信访件当前为“" + this.status.label() + "”，不能" + what);
		}
	}

	private static void checkDate(LocalDate on, LocalDate notBefore, String beforeName, LocalDate today) {
		if (on == null) {
			throw new Rejected("请填写日期", Map.of("on", "请填写日期"));
		}
		if (on.isAfter(today)) {
			throw new Rejected("日期不能晚于今天", Map.of("on", "日期不能晚于今天"));
		}
		if (notBefore != null && on.isBefore(notBefore)) {
			String message = "日期不能早于" + beforeName + "日期 " + notBefore;
			throw new Rejected(message, Map.of("on", message));
		}
	}

	static String text(String value, String field, String name, int max) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (value == null || value.isBlank()) {
			errors.put(field, "请填写" + name);
		}
		else if (value.strip().length() > max) {
			errors.put(field, name.replaceAll("（.*）", "") + "不能超过" + max + "字");
		}
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		return value.strip();
	}

	private static String optional(String note, String sep) {
		return note == null || note.isBlank() ? "" : sep + note.strip();
	}

	long id() {
		return this.id;
	}

	String code() {
		return this.code;
	}

	String regionCode() {
		return this.regionCode;
	}

	int version() {
		return this.version;
	}

	PetitionStatus status() {
		return this.status;
	}

	LocalDate acceptDueOn() {
		return this.acceptDueOn;
	}

	LocalDate acceptedOn() {
		return this.acceptedOn;
	}

	String notAcceptedReason() {
		return this.notAcceptedReason;
	}

	LocalDate finishDueOn() {
		return this.finishDueOn;
	}

	Integer extensionDays() {
		return this.extensionDays;
	}

	String extensionReason() {
		return this.extensionReason;
	}

	LocalDate repliedOn() {
		return this.repliedOn;
	}

	String reply() {
		return this.reply;
	}

	Satisfaction satisfaction() {
		return this.satisfaction;
	}

	List<String[]> newEvents() {
		return List.copyOf(this.newEvents);
	}

}
