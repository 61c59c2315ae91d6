import { LightningElement, api, wire } from 'lwc';
import overlapsFor from '@salesforce/apex/CrosswalkOverlapsController.overlapsFor';

/** Shows the partner overlaps Crosswalk reports for the record the page shows. */
export default class CrosswalkOverlaps extends LightningElement {
    @api recordId;
    overlaps = [];
    error;
    loaded = false;

    @wire(overlapsFor, { recordId: '$recordId' })
    received({ data, error }) {
        if (data) {
            const body = JSON.parse(data);
            const list = Array.isArray(body) ? body : body.overlaps || [];
            this.overlaps = list.map((o, i) => ({
                key: `${o.partnerName || o.partner || 'partner'}-${o.partnerPopulation || ''}-${i}`,
                partner: o.partnerName || o.partner,
                population: o.partnerPopulation || o.population,
                owner: o.partnerOwnerName || o.ownerName,
                ownerEmail: o.partnerOwnerEmail || o.ownerEmail,
                ownerMailto: (o.partnerOwnerEmail || o.ownerEmail) ? `mailto:${o.partnerOwnerEmail || o.ownerEmail}` : undefined
            }));
            this.error = undefined;
            this.loaded = true;
        } else if (error) {
            this.error = error.body && error.body.message ? error.body.message : 'Crosswalk is not available.';
            this.overlaps = [];
            this.loaded = true;
        }
    }

    get hasOverlaps() {
        return this.overlaps.length > 0;
    }

    get isEmpty() {
        return this.loaded && !this.error && this.overlaps.length === 0;
    }
}
