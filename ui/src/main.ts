import { mount } from 'svelte';
import App from './App.svelte';
import { theme } from './lib/theme';
import './app.css';

// The stored theme (or the system's) is on the root element before the first paint.
theme();

mount(App, { target: document.getElementById('app')! });
