package org.fangfei.app.notification;

import java.util.List;

import jakarta.validation.Valid;

import org.fangfei.app.security.CurrentUser;
import org.fangfei.app.shared.DataScope;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulletins as JSON, with the same permissions, scope and receipts as the pages.
 */
@RestController
@RequestMapping("/api/v1/bulletins")
class BulletinApi {

	private final Bulletins bulletins;

	private final Inbox inbox;

	BulletinApi(Bulletins bulletins, Inbox inbox) {
		this.bulletins = bulletins;
		this.inbox = inbox;
	}

	record Lists(List<Bulletin> sent, List<Bulletin> received) {
	}

	@GetMapping
	@PreAuthorize("hasAuthority('notice:bulletin:view')")
	Lists list(DataScope scope, @AuthenticationPrincipal CurrentUser me) {
		return new Lists(this.bulletins.sent(scope, me.can(BulletinPages.SEND)),
				this.bulletins.received(this.inbox.signedIn(me.id())));
	}

	/** Opening a received bulletin gives the unit's receipt, as on the page. */
	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('notice:bulletin:view')")
	BulletinView get(@PathVariable long id, DataScope scope, @AuthenticationPrincipal CurrentUser me) {
		return this.bulletins.open(id, scope, me.can(BulletinPages.SEND), this.inbox.signedIn(me.id()));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('notice:bulletin:send')")
	Bulletin send(@Valid @RequestBody BulletinForm form, DataScope scope, @AuthenticationPrincipal CurrentUser me) {
		return this.bulletins.send(form, scope, this.inbox.signedIn(me.id()));
	}

}
