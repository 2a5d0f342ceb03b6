package org.fangfei.app.notification;

import java.util.List;

/**
 * A bulletin as one user opens it.
 *
 * @param sender whether the user is on the sending side (sees every unit's receipt)
 * @param receipts every receiving unit with its receipt, for the sending side; empty for
 * recipients
 */
public record BulletinView(Bulletin bulletin, boolean sender, List<Receipt> receipts) {
}
