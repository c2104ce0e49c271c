//! Microlearn's browser app: mounts the Yew root component.

fn main() {
    yew::Renderer::<microlearn::App>::new().render();
}
