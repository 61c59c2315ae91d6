package dev.crosswalk.app.partner;

import dev.crosswalk.app.health.NotificationSource;
import dev.crosswalk.app.health.Notifications;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The bell's partner items: invitations waiting for this organization's answer, and invitations
 * of ours a partner accepted. An invitation leaves the bell once answered or withdrawn.
 */
@Component
class PartnerNotifications implements NotificationSource {
    private final PartnershipRepository repository;

    PartnerNotifications(PartnershipRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<Item> recent(UUID organizationId, int limit) {
        List<Item> out = new ArrayList<>();
        for (Partnership p : repository.forOrganization(organizationId)) {
            UUID partner = p.partnerOf(organizationId);
            String name = repository.organizationName(partner).orElse("An organization");
            boolean invitedUs = p.inviteeOrgId().equals(organizationId);
            if (invitedUs && p.status() == PartnershipStatus.PENDING) {
                out.add(new Item(name + " invited you to become partners. Accept or decline under Partners → Invitations received.",
                        "/partners/received", Notifications.Kind.INVITATION, p.createdAt()));
            } else if (!invitedUs && p.status() == PartnershipStatus.ACCEPTED && p.respondedAt() != null) {
                out.add(new Item(name + " accepted your invitation: you are partners now.", "/partners/" + p.id(),
                        Notifications.Kind.PARTNER, p.respondedAt()));
            }
        }
        out.sort(Comparator.comparing(Item::at).reversed());
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }
}
