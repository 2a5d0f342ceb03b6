/**
 * Notifications and bulletins (通知/待办 and 通报): every user's inbox of what needs them now —
 * assignments, returns, deadlines, supervision, major reports — fed by other modules
 * through {@link org.fangfei.app.notification.Inbox}, and the bulletins the office sends
 * down to townships and across to departments, with a receipt per receiving unit.
 */
@ApplicationModule(allowedDependencies = { "security", "organisation", "workbench", "audit", "shared" })
package org.fangfei.app.notification;

import org.springframework.modulith.ApplicationModule;
