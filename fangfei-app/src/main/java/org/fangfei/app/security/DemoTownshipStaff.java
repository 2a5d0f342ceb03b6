package org.fangfei.app.security;

import java.util.List;
import java.util.Set;

import org.fangfei.app.organisation.Region;
import org.fangfei.app.organisation.RegionLevel;
import org.fangfei.app.organisation.Regions;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.DemoNames;
import org.fangfei.app.shared.DemoPart;

import org.springframework.stereotype.Component;

/**
 * The staff account (处非专干) of every demo township that has no demo account of its own, so
 * the clues the year dispatches there are received, verified and disposed by the township
 * like those of 会师镇 and 河畔镇 — a county does not leave 26 townships without anyone
 * handling their clues. Named {@code t} and the township's three digits (t104 for
 * 620422104000); their passwords are random and never shown: the security administrator
 * resets one (with a second administrator's approval) to sign in as that township.
 */
@Component
class DemoTownshipStaff implements DemoPart {

	private final Users users;

	private final Regions regions;

	private final PasswordPolicy policy;

	DemoTownshipStaff(Users users, Regions regions, PasswordPolicy policy) {
		this.users = users;
		this.regions = regions;
		this.policy = policy;
	}

	/** The staff account of a township: t and the code's three township digits. */
	static String usernameOf(String townshipCode) {
		return "t" + townshipCode.substring(6, 9);
	}

	@Override
	public String name() {
		return "security.township-staff";
	}

	@Override
	public int order() {
		return 16;
	}

	@Override
	public void run() {
		DemoNames names = new DemoNames(16);
		List<Region> townships = this.regions.search(null, RegionLevel.TOWNSHIP, DataScope.all())
			.stream()
			.filter(r -> r.code().startsWith(FirstStart.DEMO_COUNTY.substring(0, 6)))
			.toList();
		for (Region township : townships) {
			if (this.users.byUsername(usernameOf(township.code())).isPresent()
					|| this.users.anyInRegion(township.code())) {
				continue;
			}
			this.users.create(new UserForm(usernameOf(township.code()), township.name() + " 处非专干 " + names.personName(),
					township.code(), null, List.of("TOWNSHIP")), this.policy.oneTimePassword(), Set.of(), -1);
		}
	}

}
