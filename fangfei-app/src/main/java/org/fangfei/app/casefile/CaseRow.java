package org.fangfei.app.casefile;

import java.time.LocalDate;
import java.util.List;

import org.fangfei.app.clue.CriminalThresholds;
import org.fangfei.app.shared.Money;

/** A case as the list shows it. */
record CaseRow(long id, String code, String title, CaseOrigin origin, CasePath path, CaseStage stage, LocalDate stageOn,
		String regionCode, String regionName, String sectorCode, Long amountRaisedFen, Integer participants,
		Long directLossFen, boolean listedSupervision, List<String> keyReasons, CriminalThresholds.Tier tier) {

	public String amount() {
		return this.amountRaisedFen == null ? "" : Money.yuan(this.amountRaisedFen);
	}

	public String loss() {
		return this.directLossFen == null ? "" : Money.yuan(this.directLossFen);
	}

	public boolean key() {
		return !this.keyReasons.isEmpty();
	}

}
