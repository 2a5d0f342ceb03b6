package org.fangfei.app.security;

import java.util.List;
import java.util.Optional;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 双人审批: a second administrator decides what one administrator asked for
 * ({@link HandOver}, {@link Roles#grant}). The approver may be neither the requester nor
 * the account concerned; every decision is audited, and so is every refused attempt.
 */
@Service
class Approvals {

	/**
	 * What the approver is shown after approving: the second half, for a password or an
	 * API token (then with the client's name).
	 */
	record Approved(ApprovalRequests.Request request, Optional<String> secondHalf, UserAccount user,
			String apiClientName) {
	}

	private final ApprovalRequests requests;

	private final Users users;

	private final Roles roles;

	private final ApiClients apiClients;

	private final AuditLog audit;

	Approvals(ApprovalRequests requests, Users users, Roles roles, ApiClients apiClients, AuditLog audit) {
		this.requests = requests;
		this.users = users;
		this.roles = roles;
		this.apiClients = apiClients;
		this.audit = audit;
	}

	List<ApprovalRequests.Request> pending() {
		return this.requests.pending();
	}

	@Transactional(noRollbackFor = Rejected.class)
	Approved approve(long id, CurrentUser by) {
		ApprovalRequests.Request request = decidable(id, by, "审批");
		Optional<String> secondHalf = Optional.empty();
		switch (request.kind()) {
			case PASSWORD -> {
				secondHalf = Optional.of(this.requests.secondHalf(id));
				this.users.handOverPassword(request.userId(), request.passwordHash());
			}
			case USER_ROLE -> this.users.addRole(request.userId(), request.roleCode());
			case ROLE_PERMISSION -> this.roles.addApproved(request.roleCode(), request.permission());
			case API_TOKEN -> {
				secondHalf = Optional.of(this.requests.secondHalf(id));
				this.apiClients.enableApproved(request.apiClientId());
			}
		}
		this.requests.decide(id, true, by);
		this.audit.success("APPROVAL_APPROVE", "account_approval", id,
				"同意 " + request.requestedBy() + " 的申请：" + request.summary(), null, null);
		return new Approved(request, secondHalf, request.userId() == null ? null : this.users.get(request.userId()),
				request.apiClientId() == null ? null : this.apiClients.name(request.apiClientId()));
	}

	@Transactional(noRollbackFor = Rejected.class)
	void reject(long id, CurrentUser by) {
		ApprovalRequests.Request request = decidable(id, by, "拒绝");
		this.requests.decide(id, false, by);
		this.audit.success("APPROVAL_REJECT", "account_approval", id,
				"拒绝 " + request.requestedBy() + " 的申请：" + request.summary(), null, null);
	}

	private ApprovalRequests.Request decidable(long id, CurrentUser by, String what) {
		ApprovalRequests.Request request = this.requests.forDecision(id).orElseThrow(() -> new NotFound("待审批申请"));
		String problem = null;
		if (!"PENDING".equals(request.status())) {
			problem = "该申请已处理，不能再" + what;
		}
		else if (request.requestedById() == by.id()) {
			problem = "不能" + what + "自己提出的申请，须由另一名管理员" + what;
		}
		else if (request.userId() != null && request.userId() == by.id()) {
			problem = "不能" + what + "与本人账号有关的申请";
		}
		if (problem != null) {
			this.audit.failure("APPROVAL_DECIDE", "account_approval", id, what + "被拒绝：" + problem);
			throw new Rejected(problem);
		}
		return request;
	}

}
