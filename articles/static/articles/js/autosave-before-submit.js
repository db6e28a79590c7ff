// Wagtail's autosave keeps running while the editor's form is being submitted. A save
// that lands on the server during the submit makes the page that comes back after a
// refusal look out of date, so it shows "You saved a new version in another window"
// and stops autosaving. On submit: stop autosaving, drop a save still waiting for its
// delay, and let a save already sent finish before the form goes.
(() => {
  let lastSave = null;

  document.addEventListener("w-autosave:save", (event) => {
    lastSave = event;
  });

  document.addEventListener(
    "submit",
    (event) => {
      const form = event.target;
      if (!form.matches("[data-edit-form]")) return;
      const autosave = window.wagtail?.app?.getControllerForElementAndIdentifier(
        form,
        "w-autosave",
      );
      if (!autosave) return;
      autosave.activeValue = false;
      // A waiting save checks this flag when its delay ends, and then sends nothing.
      lastSave?.preventDefault();
      const saving = autosave.submitPromise;
      if (!saving) {
        // Another handler may still cancel this submit; the editor then stays here.
        setTimeout(() => {
          if (event.defaultPrevented) autosave.activeValue = true;
        });
        return;
      }
      event.preventDefault();
      const { submitter } = event;
      saving.finally(() => {
        // The clicked button is disabled by now, so the form would leave it out.
        if (submitter?.name) {
          const action = document.createElement("input");
          action.type = "hidden";
          action.name = submitter.name;
          action.value = submitter.value;
          form.append(action);
        }
        form.requestSubmit();
      });
    },
    true,
  );
})();
