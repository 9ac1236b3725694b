package org.reviewcycle.passwordreset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.reviewcycle.common.InvalidInput;
import org.reviewcycle.notification.MailKind;
import org.reviewcycle.notification.MailLinks;
import org.reviewcycle.notification.Outbox;
import org.reviewcycle.notification.OutgoingMail;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgotten passwords, the feature's entry point. Someone on the login page types their username or email
 * address; each member of staff it names who may log in and has an email address is sent a link (through the
 * outbox, like every email) to choose a new password. The answer never says whether anyone matched. A link
 * carries 256 random bits, of which only the SHA-256 is stored; it works once, for {@link #LINK_LIFETIME}, and
 * using one ends the person's other links. At most {@link #LINKS_PER_HOUR} links an hour go to one person, so
 * the page cannot be used to flood anyone's inbox.
 */
@Service
@Transactional
public class PasswordResets {

    static final Duration LINK_LIFETIME = Duration.ofHours(1);
    static final int LINKS_PER_HOUR = 3;
    static final String TEMPLATE = "password-reset";
    static final int MAX_TYPED = 254;
    /** What a link's token looks like: 32 bytes, URL-safe Base64 without padding. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final PasswordResetMapper links;
    private final StaffService staff;
    private final Outbox outbox;
    private final MailLinks mailLinks;
    private final SecureRandom random = new SecureRandom();

    PasswordResets(PasswordResetMapper links, StaffService staff, Outbox outbox, MailLinks mailLinks) {
        this.links = links;
        this.staff = staff;
        this.outbox = outbox;
        this.mailLinks = mailLinks;
    }

    /**
     * Sends a link to each member of staff {@code typed} names (a username or an email address) who may have one;
     * says nothing of whether anyone did. Refuses only what cannot be a username or address (empty, too long).
     */
    public void sendLinks(String typed) {
        String who = typed == null ? "" : typed.strip();
        if (who.isEmpty()) {
            throw InvalidInput.of("who", "Enter your username or your email address");
        }
        if (who.length() > MAX_TYPED) {
            throw InvalidInput.of("who", "A username or email address is at most " + MAX_TYPED + " characters");
        }
        LocalDateTime now = LocalDateTime.now();
        for (StaffMember person : staff.whoMayResetTheirPassword(who)) {
            if (links.countSentSince(person.id(), now.minusHours(1)) >= LINKS_PER_HOUR) {
                continue;
            }
            String token = newToken();
            links.insertLink(person.id(), hash(token), now, now.plus(LINK_LIFETIME));
            outbox.write(new OutgoingMail(person.schoolId(), person.id(), person.email(), MailKind.PASSWORD_RESET, null,
                    TEMPLATE, Map.of("firstName", person.firstName(), "username", person.username(),
                            "minutes", LINK_LIFETIME.toMinutes(), "link", mailLinks.page("/password/reset/" + token),
                            "forgot", mailLinks.page("/password/forgot"))));
        }
    }

    /** The member of staff a link is for, while it can still be used; empty for a link that is wrong, used or old. */
    @Transactional(readOnly = true)
    public Optional<StaffMember> whoseLink(String token) {
        return usableStaffId(token).flatMap(this::mayStillReset);
    }

    /**
     * The person the link is for chooses their new password (twice): each problem named and the link kept for
     * another try; once it is changed the link, and every other link of theirs, is used up.
     *
     * @throws LinkNotUsable when the link is wrong, used or old
     */
    public StaffMember choosePassword(String token, String password, String repeated) {
        StaffMember person = usableStaffId(token).flatMap(this::mayStillReset).orElseThrow(LinkNotUsable::new);
        long staffId = person.id();
        staff.resetForgottenPassword(staffId, password, repeated);
        LocalDateTime now = LocalDateTime.now();
        if (links.updateUsed(hash(token), now) != 1) {
            // two tabs with the same link: the other one was first, and this one's change is undone
            throw new LinkNotUsable();
        }
        links.updateOthersUsed(staffId, now);
        return person;
    }

    /** A link that cannot be used: not one we sent, used already, or older than {@link #LINK_LIFETIME}. */
    public static class LinkNotUsable extends RuntimeException {
        LinkNotUsable() {
            super("This link to choose a new password has been used, is more than an hour old, or is not complete. "
                    + "Ask for a new one.");
        }
    }

    /** The member of staff, if they may still log in (they may have left, or been stopped, since the link was sent). */
    private Optional<StaffMember> mayStillReset(long staffId) {
        return staff.find(staffId).filter(person -> staff.whoMayResetTheirPassword(person.username()).stream()
                .anyMatch(allowed -> allowed.id().equals(person.id())));
    }

    private Optional<Long> usableStaffId(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return links.selectStaffOfUsableLink(hash(token), LocalDateTime.now());
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
