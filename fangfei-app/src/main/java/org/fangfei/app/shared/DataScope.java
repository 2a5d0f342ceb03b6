package org.fangfei.app.shared;

import java.util.Set;

/**
 * What part of the data a user may see, resolved once per request from their roles and
 * jurisdiction (属地) and applied by every query as bound parameters, never as SQL text.
 *
 * <p>
 * {@code regionPrefix} is the significant prefix of the user's region code:
 * {@code "620422"} for the county, {@code "620422100"} for a township, the full 12 digits
 * for a village; empty means no territorial limit. When {@code sectorLimited} is set,
 * records that belong to a sector are visible only for the given sectors (a department
 * sees the sectors it supervises, 谁审批谁监管). {@link #none()} sees nothing.
 *
 * @param regionPrefix significant digits of the jurisdiction's region code
 * @param sectorLimited whether sector-bearing records are restricted to {@code sectors}
 * @param sectors sector codes visible when {@code sectorLimited}
 * @param nothing whether the scope excludes all business data (security and audit
 * administrators)
 */
public record DataScope(String regionPrefix, boolean sectorLimited, Set<String> sectors, boolean nothing) {

	/** A prefix that matches no 12-digit region code. */
	private static final String NO_REGION = "x";

	public DataScope {
		sectors = Set.copyOf(sectors);
		if (!nothing && !regionPrefix.matches("[0-9]{0,12}")) {
			throw new IllegalArgumentException("Region prefix must be digits: " + regionPrefix);
		}
	}

	public static DataScope all() {
		return new DataScope("", false, Set.of(), false);
	}

	public static DataScope none() {
		return new DataScope(NO_REGION, true, Set.of(), true);
	}

	public static DataScope jurisdiction(String regionCode) {
		return new DataScope(Regions12.prefixOf(regionCode), false, Set.of(), false);
	}

	public static DataScope department(String regionCode, Set<String> sectors) {
		return new DataScope(Regions12.prefixOf(regionCode), true, sectors, false);
	}

	/** The bound value for {@code region_code like :regionLike}. */
	public String regionLike() {
		return this.regionPrefix + "%";
	}

	/**
	 * The bound value for {@code sector_code = any(:sectorCodes)}, used when
	 * {@link #sectorLimited}.
	 */
	public String[] sectorCodes() {
		return this.sectors.toArray(String[]::new);
	}

	/**
	 * The scope as named SQL parameters, a fresh mutable map the caller may add its own
	 * to: {@code :regionLike} for {@code region_code like :regionLike}, and
	 * {@code :sectorLimited} with {@code :sectorCodes} for
	 * {@code (not :sectorLimited or sector_code = any(:sectorCodes))}.
	 */
	public java.util.Map<String, Object> sqlParams() {
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		params.put("regionLike", regionLike());
		params.put("sectorLimited", this.sectorLimited);
		params.put("sectorCodes", sectorCodes());
		return params;
	}

	public boolean covers(String regionCode) {
		return !this.nothing && regionCode != null && regionCode.startsWith(this.regionPrefix);
	}

	public boolean coversSector(String sectorCode) {
		return !this.nothing && (!this.sectorLimited || this.sectors.contains(sectorCode));
	}

}
