package org.fangfei.app.casefile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A case as its moves see it: where it stands on its path and since when. It decides
 * every stage move ({@link StagesInOrder}) and remembers what the move must write — the
 * stage entry and the timeline line —, which {@link Cases#save} writes with a version
 * check. No framework in here.
 */
final class CaseFile {

	private final long id;

	private final String code;

	private String title;

	private String regionCode;

	private String sectorCode;

	private List<Long> subjectIds;

	private final int version;

	private CasePath path;

	private CaseStage stage;

	private LocalDate stageOn;

	private LocalDate criminalFiledOn;

	private final List<StageEntry> newStages = new ArrayList<>();

	private final List<String[]> newEvents = new ArrayList<>();

	private final List<CaseEvent> events = new ArrayList<>();

	CaseFile(long id, String code, String title, String regionCode, String sectorCode, List<Long> subjectIds,
			CasePath path, CaseStage stage, LocalDate stageOn, LocalDate criminalFiledOn, int version) {
		this.id = id;
		this.code = code;
		this.title = title;
		this.regionCode = regionCode;
		this.sectorCode = sectorCode;
		this.subjectIds = List.copyOf(subjectIds);
		this.path = path;
		this.stage = stage;
		this.stageOn = stageOn;
		this.criminalFiledOn = criminalFiledOn;
		this.version = version;
	}

	/** Moves the case to the stage of {@code entry}; refuses a move out of order. */
	void advance(StageEntry entry, LocalDate today) {
		CasePath before = this.path;
		CaseStage from = this.stage;
		this.path = StagesInOrder.check(this.path, this.stage, this.stageOn, entry, today);
		if (entry.stage() == CaseStage.FILED) {
			this.criminalFiledOn = entry.on();
		}
		this.stage = entry.stage();
		this.stageOn = entry.on();
		this.newStages.add(entry);
		String note = entry.stage().label() + " " + entry.on() + " " + entry.docNumber().strip() + "（"
				+ entry.unit().strip() + "）";
		if (before != this.path) {
			note = "移送公安，转为刑事办理：" + note;
		}
		if (entry.note() != null && !entry.note().isBlank()) {
			note += "：" + entry.note().strip();
		}
		this.newEvents.add(new String[] { "阶段变更", note });
		String doc = entry.docNumber().strip();
		String unit = entry.unit().strip();
		this.events
			.add(entry.stage() == CaseStage.CLOSED ? new CaseEvent.Closed(ref(), this.path, from, entry.on(), doc, unit)
					: new CaseEvent.StageRecorded(ref(), this.path, from, entry.stage(), entry.on(), doc, unit,
							before != this.path));
	}

	/**
	 * 修改: what the case is about is now {@code p}; the timeline says {@code note}.
	 */
	void changeParticulars(Particulars p, String note) {
		record("修改", note);
		this.title = p.title();
		this.regionCode = p.regionCode();
		this.sectorCode = p.sectorCode();
		this.subjectIds = List.copyOf(p.subjectIds());
		this.events.add(new CaseEvent.FiguresChanged(ref(), p.amountRaisedFen(), p.participants(), p.directLossFen(),
				p.involvedRegions()));
	}

	/** The case as it stands, with the version its save writes. */
	private CaseEvent.CaseRef ref() {
		return new CaseEvent.CaseRef(this.id, this.code, this.title, this.regionCode, this.sectorCode, this.subjectIds,
				this.version + 1);
	}

	/** A timeline line for a change other than a stage move. */
	void record(String kind, String note) {
		if (this.stage == CaseStage.CLOSED && !kind.equals("查看")) {
			throw new org.fangfei.app.shared.Rejected("案件已结案，不能再修改");
		}
		this.newEvents.add(new String[] { kind, note });
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

	String sectorCode() {
		return this.sectorCode;
	}

	int version() {
		return this.version;
	}

	CasePath path() {
		return this.path;
	}

	CaseStage stage() {
		return this.stage;
	}

	LocalDate stageOn() {
		return this.stageOn;
	}

	LocalDate criminalFiledOn() {
		return this.criminalFiledOn;
	}

	List<StageEntry> newStages() {
		return List.copyOf(this.newStages);
	}

	List<String[]> newEvents() {
		return List.copyOf(this.newEvents);
	}

	/** What other modules are told once the change is saved. */
	List<CaseEvent> events() {
		return List.copyOf(this.events);
	}

}
