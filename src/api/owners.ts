import { request, route } from './client';
import { ownerListSchema, type Owner } from './schemas';

/** GET /owners: the users who may pause automation, i.e. who may be named owner. */
export function fetchOwners(): Promise< Owner[] > {
	return request( ownerListSchema, { path: route( '/owners' ) } );
}
