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

	private final String regionCode;

	private final String sectorCode;

	private final int version;

	private CasePath path;

	private CaseStage stage;

	private LocalDate stageOn;

	private LocalDate criminalFiledOn;

	private final List<StageEntry> newStages = new ArrayList<>();

	private final List<String[]> newEvents = new ArrayList<>();

	CaseFile(long id, String code, String regionCode, String sectorCode, CasePath path, CaseStage stage,
			LocalDate stageOn, LocalDate criminalFiledOn, int version) {
		this.id = id;
		this.code = code;
		this.regionCode = regionCode;
		this.sectorCode = sectorCode;
		this.path = path;
		this.stage = stage;
		this.stageOn = stageOn;
		this.criminalFiledOn = criminalFiledOn;
		this.version = version;
	}

	/** Moves the case to the stage of {@code entry}; refuses a move out of order. */
	void advance(StageEntry entry, LocalDate today) {
		CasePath before = this.path;
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

}
