// The intake, awards and finance lists keep their filters and sort in the address, so a reload, a bookmark or a saved
// view shows the same list. They write it here, without a Blazor navigation: a navigation sent from the server (the
// search field's debounce firing late) could overtake a link the person has just clicked and bring them back to the
// list. The address is only rewritten while the browser is still on that list's page; Blazor's own history state is kept.
window.grantPortal = Object.assign(window.grantPortal || {}, {
    replaceListAddress(path, pathAndQuery) {
        if (location.pathname === path && location.pathname + location.search !== pathAndQuery) {
            history.replaceState(history.state, '', pathAndQuery);
        }
    },
});
