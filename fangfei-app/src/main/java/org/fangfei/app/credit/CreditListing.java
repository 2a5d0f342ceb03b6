package org.fangfei.app.credit;

import java.time.LocalDate;
import java.util.List;

import org.fangfei.app.casefile.CaseEvent;
import org.fangfei.app.casefile.CaseStage;
import org.fangfei.app.clue.ClueEvent;
import org.fangfei.app.clue.ClueFacts;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Puts subjects on the list when a final decision is recorded ({@link ListingBasis}): a
 * case opened at or moved to 处罚/取缔 or 执行, a clue's 行政处罚 measure. The events carry the
 * document, unit and date; a clue's subjects come from {@link ClueFacts}, since its event
 * does not carry them. Redelivered events write nothing ({@link CreditEntries#list}).
 */
@Component
class CreditListing {

	private final CreditEntries entries;

	private final ClueFacts clues;

	CreditListing(CreditEntries entries, ClueFacts clues) {
		this.entries = entries;
		this.clues = clues;
	}

	@ApplicationModuleListener
	void on(CaseEvent.StageRecorded event) {
		fromCase(event.file(), event.stage(), event.docNumber(), event.unit(), event.on());
	}

	@ApplicationModuleListener
	void on(CaseEvent.Opened event) {
		fromCase(event.file(), event.stage(), event.docNumber(), event.unit(), event.on());
	}

	@ApplicationModuleListener
	void on(ClueEvent.MeasureRecorded event) {
		if (event.docNumber() == null || event.takenOn() == null) {
			return;
		}
		ListingBasis.ofMeasure(event.kind()).ifPresent(kind -> {
			List<Long> subjects = this.clues.of(event.clue().id()).map(ClueFacts.Facts::subjectIds).orElse(List.of());
			if (!subjects.isEmpty()) {
				this.entries.list(new Listing(subjects, kind, "CLUE", event.clue().id(), event.clue().code(), null,
						event.docNumber(), null, event.takenOn()));
			}
		});
	}

	private void fromCase(CaseEvent.CaseRef file, CaseStage stage, String doc, String unit, LocalDate on) {
		if (file.subjectIds().isEmpty()) {
			return;
		}
		ListingBasis.ofStage(stage)
			.ifPresent(kind -> this.entries.list(
					new Listing(file.subjectIds(), kind, "CASE", file.id(), file.code(), file.title(), doc, unit, on)));
	}

}
