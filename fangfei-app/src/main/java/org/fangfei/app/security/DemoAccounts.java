package org.fangfei.app.security;

import org.fangfei.app.shared.DemoPart;

import org.springframework.stereotype.Component;

/**
 * The demo's accounts, one per business role (office, office head, leader, two townships,
 * a department, a grid worker), right after the demo county, so the year of history can
 * act as them; their one-time passwords are printed at start with the administrators'.
 */
@Component
class DemoAccounts implements DemoPart {

	private final FirstStart firstStart;

	DemoAccounts(FirstStart firstStart) {
		this.firstStart = firstStart;
	}

	@Override
	public String name() {
		return "security.accounts";
	}

	@Override
	public int order() {
		return 15;
	}

	@Override
	public void run() {
		this.firstStart.createDemoUsers();
	}

}
