package org.fangfei.app.building;

import java.time.YearMonth;
import java.util.List;

/**
 * How far this month's sweeping has got in a jurisdiction: enabled buildings swept at
 * least once this month, those not yet, and the unswept ones themselves.
 */
public record MonthProgress(YearMonth month, long swept, long unswept, List<Building> unsweptBuildings) {

	public long total() {
		return this.swept + this.unswept;
	}

}
