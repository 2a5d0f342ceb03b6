package org.fangfei.app.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.fangfei.app.organisation.Department;
import org.fangfei.app.organisation.Departments;
import org.fangfei.app.organisation.Regions;
import org.fangfei.app.shared.DataScope;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start (no account yet) creates the three administrators of 三员分立 — and, as
 * the demo's part {@link DemoAccounts}, one demo account per business role — each with a
 * random one-time password printed once (or {@code fangfei.bootstrap.initial-password}
 * when configured) that must be changed at first sign-in. On every start prints where
 * Fangfei answers.
 */
@Component
@Order(100)
class FirstStart implements ApplicationRunner {

	static final String DEMO_COUNTY = "620422000000";

	private final Users users;

	private final Regions regions;

	private final Departments departments;

	private final PasswordPolicy policy;

	private final TransactionTemplate tx;

	private final String configuredPassword;

	private final List<String[]> created = new ArrayList<>();

	FirstStart(Users users, Regions regions, Departments departments, PasswordPolicy policy, TransactionTemplate tx,
			@Value("${fangfei.bootstrap.initial-password:}") String configuredPassword) {
		this.users = users;
		this.regions = regions;
		this.departments = departments;
		this.policy = policy;
		this.tx = tx;
		this.configuredPassword = configuredPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.users.count() > 0) {
			return;
		}
		this.tx.executeWithoutResult(status -> {
			create("sysadmin", "系统管理员", null, null, "SYS_ADMIN");
			create("secadmin", "安全保密管理员", null, null, "SEC_ADMIN");
			create("auditadmin", "安全审计员", null, null, "AUDIT_ADMIN");
		});
	}

	/**
	 * The demo accounts, in the demo county loaded just before; their one-time passwords
	 * are printed with the administrators'.
	 */
	void createDemoUsers() {
		List<Department> all = this.departments.list(null, DataScope.all());
		create("office", "县处非办 王静", DEMO_COUNTY, idOf(all, "处非办"), "OFFICE");
		create("chief", "县处非办主任 周强", DEMO_COUNTY, idOf(all, "处非办"), "OFFICE_HEAD");
		create("leader", "县领导 李明", DEMO_COUNTY, null, "LEADER");
		create("huishi", "会师镇 张伟", "620422100000", null, "TOWNSHIP");
		create("hepan", "河畔镇 赵丽", "620422102000", null, "TOWNSHIP");
		create("market", "县市场监管局 陈刚", DEMO_COUNTY, idOf(all, "市场监督管理局"), "DEPARTMENT");
		create("grid", "东山根社区 网格员 刘芳", "620422100001", null, "GRID_WORKER");
	}

	private static Long idOf(List<Department> all, String nameContains) {
		return all.stream().filter(d -> d.name().contains(nameContains)).map(Department::id).findFirst().orElse(null);
	}

	private void create(String username, String name, String region, Long department, String role) {
		if (region != null && this.regions.byCode(region).isEmpty()) {
			return;
		}
		String password = this.configuredPassword.isBlank() ? this.policy.oneTimePassword() : this.configuredPassword;
		this.users.create(new UserForm(username, name, region, department, List.of(role)), password, Set.of(), -1);
		this.created.add(new String[] { username, name, password });
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		int port = event.getApplicationContext() instanceof WebServerApplicationContext web
				&& web.getWebServer() != null ? web.getWebServer().getPort() : -1;
		StringBuilder sb = new StringBuilder("\n\n");
		sb.append("==================================================================\n");
		sb.append("  防非 Fangfei 已启动: http://localhost:").append(port).append("/\n");
		if (this.created.isEmpty()) {
			sb.append("  用已有账号登录；忘记密码请由安全保密管理员(secadmin)申请重置，经另一名管理员审批。\n");
		}
		else {
			sb.append("  首次启动，已创建以下账号。一次性密码只显示这一次，首次登录须修改：\n");
			for (String[] account : this.created) {
				sb.append(String.format("    %-11s %-16s %s%n", account[0], account[2],
						this.configuredPassword.isBlank() ? account[1] : account[1] + " (配置的初始密码)"));
			}
		}
		sb.append("==================================================================\n");
		// to the console only, never into a log file: it may hold one-time passwords
		System.out.println(sb);
		this.created.clear();
	}

}
