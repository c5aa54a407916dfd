import { AppRoot, appContainer } from "@omnify/client";
import { AppCrashed } from "@omnify/ui";
import { RouterProvider } from "@tanstack/react-router";
import { createRoot } from "react-dom/client";
import { router } from "./router.tsx";
import "./styles.css";

createRoot(appContainer()).render(
  <AppRoot crashScreen={(props) => <AppCrashed title="Omnify stopped working" {...props} />}>
    <RouterProvider router={router} />
  </AppRoot>,
);
