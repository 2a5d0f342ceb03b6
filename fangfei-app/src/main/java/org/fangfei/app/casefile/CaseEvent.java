package org.fangfei.app.casefile;

import java.time.LocalDate;
import java.util.List;

/**
 * What happened to a case, for the other modules (the credit list, petitions,
 * evaluation). Each event is raised by {@link CaseFile} beside its timeline line (登记 by
 * {@link CaseRegistry}) and published in the transaction that saves the change, through
 * the event publication registry, so a listener hears of every committed change, once it
 * is committed, and again after a failure. Events carry what listeners need, so that no
 * other module reads the case's tables; {@link CaseRef} says how the case stands after
 * the change, with the version the change wrote (a listener that must keep order ignores
 * a version older than one it has seen).
 */
public sealed interface CaseEvent {

	/** The case after the event. */
	CaseRef file();

	/**
	 * A case as it stands after an event.
	 *
	 * @param subjectIds the ledger's subjects the case is about
	 */
	record CaseRef(long id, String code, String title, String regionCode, String sectorCode, List<Long> subjectIds,
			int version) {

		public CaseRef {
			subjectIds = List.copyOf(subjectIds);
		}

	}

	/**
	 * 登记 or 由线索立案: the case opened at {@code stage} (a case registered directly may start
	 * at any stage of its path), with the document and unit of that stage.
	 *
	 * @param clueId the clue it was opened from, or null
	 */
	record Opened(CaseRef file, CaseOrigin origin, Long clueId, CasePath path, CaseStage stage, LocalDate on,
			String docNumber, String unit) implements CaseEvent {
	}

	/**
	 * 阶段变更: the case reached {@code stage} on {@code on}, decided by {@code unit} in the
	 * document {@code docNumber}; {@code transferred} when the move put an administrative
	 * case on the criminal path (移送公安).
	 */
	record StageRecorded(CaseRef file, CasePath path, CaseStage from, CaseStage stage, LocalDate on, String docNumber,
			String unit, boolean transferred) implements CaseEvent {
	}

	/** 结案 (also 撤案, 不起诉, 终止调查 from an earlier stage), with its document. */
	record Closed(CaseRef file, CasePath path, CaseStage from, LocalDate on, String docNumber,
			String unit) implements CaseEvent {
	}

	/**
	 * 修改: what the case is about changed; the figures, subjects and regions involved as
	 * they stand now (null figures are unknown).
	 */
	record FiguresChanged(CaseRef file, Long amountRaisedFen, Integer participants, Long directLossFen,
			List<String> involvedRegions) implements CaseEvent {

		public FiguresChanged {
			involvedRegions = List.copyOf(involvedRegions);
		}

	}

}
